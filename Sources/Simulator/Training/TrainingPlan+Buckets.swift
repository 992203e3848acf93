import Workload

extension TrainingPlan {
    /// Gradient bytes per reduction in an architecture's official code, the scenario's `communication.bucket` default.
    ///
    /// DistributedDataParallel's 25 MB buckets (stylegan2-ada-pytorch and the others), except StyleGAN3, whose
    /// training loop flattens a phase's gradients into one tensor and all-reduces it once after the phase's last
    /// round (NVlabs/stylegan3 training/training_loop.py, `../shared/workloads/stylegan3.md`): a bucket larger than
    /// any network's gradients (1e15 bytes), so the schedule flushes exactly one per step at its update.
    public static func defaultBucketBytes(for architecture: Architecture) -> Double {
        architecture == .stylegan3 ? 1e15 : 25e6
    }
}

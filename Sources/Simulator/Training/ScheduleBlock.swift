import CostModel
import Workload

/// A run of recipe segments one device group executes back to back, priced once and reused.
///
/// Offsets are seconds from the block's start on a device with no jitter and no data stall.
/// A block ends at an optimizer update (with a following EMA), when the next segment runs on
/// the other device group, before a segment that waits for a transfer from that group, and
/// after one that sends it a product. With G and D on every device only updates end blocks,
/// so a block is one optimizer step.
struct ScheduleBlock {
    /// Something one device group hands the other: the fakes of a G forward, or the image gradients of the G step.
    enum Product: Hashable {
        /// The fakes of D step `step` (the G step: phase `.generator`), micro-batch `microBatch`.
        case fakes(phase: StepPhase, step: Int, microBatch: Int)
        /// The gradients of D's output with respect to the fakes of G-step micro-batch `microBatch`.
        case imageGradients(microBatch: Int)
    }

    /// The device group that runs the block (index into the placement's groups).
    var group: Int
    /// The network whose optimizer ends the block (meaningful when `endsWithUpdate`).
    var network: NetworkRole = .discriminator
    /// A readable label, e.g. `D step 1` or `G step`.
    var label = ""
    /// Compute seconds before the optimizer.
    var computeSeconds = 0.0
    /// Seconds of the optimizer and EMA items, and of the profile's per-iteration host overhead on an iteration's last block.
    var updateSeconds = 0.0
    /// Activity-weighted compute and update seconds, for the energy model.
    var activitySeconds = 0.0
    /// Offsets at which a micro-batch of real images is needed.
    var dataOffsets: [Double] = []
    /// Offsets at which each gradient bucket is complete.
    var bucketOffsets: [Double] = []
    /// Bytes of each gradient bucket.
    var bucketBytes: [Double] = []
    /// Bytes the group's first device copies to each of the others before the block computes (`nn.DataParallel`
    /// replicating the parameters for each forward call; the calls' copies are sent together at the block's start).
    var replicationBytes = 0.0
    /// Whether the block ends with an optimizer update (which waits for the step's reduction).
    var endsWithUpdate = false
    /// The product the block waits for before it starts.
    var awaits: Product?
    /// The product the block sends when its compute ends, and its bytes per receiving device.
    var sends: (product: Product, bytesPerDestination: Double)?
}

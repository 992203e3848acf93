/// How a checkpoint is written.
public enum CheckpointMode: String, Sendable, Codable, CaseIterable {
    /// Training stops while the state is written to storage (`torch.save` from the training loop).
    case sync
    /// Training stops only while the state is copied to host memory; a background writer sends it to storage, and it
    /// protects the run only once written (PyTorch Distributed Checkpoint's `async_save`).
    case async
}

/// Which collective to run.
public enum CollectiveOperation: String, Sendable, Codable, CaseIterable {
    /// Every device ends with the element-wise sum of all devices' buffers.
    case allreduce
    /// Every device ends with its 1/N shard of the sum (input `bytes`, output `bytes / N`).
    case reducescatter
    /// Every device ends with all devices' shards (each contributes `bytes / N`, output `bytes`).
    case allgather
}

/// How a collective is decomposed into point-to-point transfers.
public enum CollectiveAlgorithm: String, Sendable, Codable, CaseIterable {
    /// Unidirectional ring over the topology's ring order: reduce-scatter then all-gather, 2(N-1) steps.
    case ring
    /// NCCL's double binary tree: two complementary binary trees, each reducing then broadcasting half the data.
    case tree
    /// Reduce-scatter inside each machine, all-reduce across machines per local rank, all-gather inside.
    case hierarchical
    /// Like `hierarchical`, but the cross-machine all-reduce of each shard is a double binary tree (O(N) transfers).
    case hierarchicalTree = "hierarchical-tree"
    /// One ring per torus dimension: reduce-scatter along each dimension, then all-gather back.
    case torus
    /// Every device sends each other device its shard directly (all-to-all reduce-scatter, all-gather).
    case direct
    /// Workers push their gradients to rank 0 (the server), which sends the sum back.
    case parameterServer = "parameter-server"
}

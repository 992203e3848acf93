/// How the training code's kernels reach the device: issued one by one by the host, or replayed as captured graphs.
public enum HostLaunchMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Eager execution: the host (Python, the dispatcher, autograd) issues every kernel (PyTorch's default).
    case eager
    /// Captured graphs (CUDA graphs, `torch.compile(mode="reduce-overhead")`): the host launches each captured
    /// segment once and the device replays its kernels; the "what if we compiled it?" of a plan.
    case graphs
}

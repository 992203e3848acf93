import Workload
/// Bytes of device memory by purpose, at the peak of an iteration.
public struct MemoryBreakdown: Sendable, Hashable, Codable {
    /// fp32 parameters of G and D, plus 16-bit working copies under mixed precision.
    public var weightsBytes: Int
    /// The EMA copy of G.
    public var emaBytes: Int
    /// fp32 gradients of G and D.
    public var gradientBytes: Int
    /// Optimizer state (Adam moments).
    public var optimizerStateBytes: Int
    /// Activations saved for backward at the most demanding phase.
    public var activationBytes: Int
    /// Transient buffers: gradient tensors in flight, algorithm scratch space.
    public var workspaceBytes: Int
    /// Runtime context (CUDA context, allocator) before any tensor.
    public var runtimeBytes: Int

    /// The peak of live tensors: every part but the runtime context, which is what
    /// `torch.cuda.max_memory_allocated` and the published tables report (the process total, what `nvidia-smi` shows,
    /// adds the context; the caching allocator's reserve beyond live tensors is not modelled).
    public var liveTensorBytes: Int { totalBytes - runtimeBytes }

    /// The sum of all parts.
    public var totalBytes: Int {
        weightsBytes + emaBytes + gradientBytes + optimizerStateBytes + activationBytes + workspaceBytes + runtimeBytes
    }

    /// The parts as (name, bytes) pairs in a fixed order, for tables and charts.
    public var parts: [(name: String, bytes: Int)] {
        [("weights", weightsBytes), ("ema", emaBytes), ("gradients", gradientBytes),
         ("optimizer", optimizerStateBytes), ("activations", activationBytes), ("workspace", workspaceBytes),
         ("runtime", runtimeBytes)]
    }
}

import Workload
/// Bytes of device memory by purpose, at the peak of an iteration.
///
/// Three totals, each what a user reads off a different counter: the peak of live tensors (`liveTensorBytes`,
/// `torch.cuda.max_memory_allocated`), the caching allocator's reserve (`reservedBytes`, `torch.cuda.memory_reserved`)
/// and the process total (`totalBytes`, what `nvidia-smi` shows). Invariant: live <= reserved <= total, since the
/// reserve holds every live tensor and the process adds its runtime context to the reserve.
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
    /// What the caching allocator keeps reserved beyond the live tensors at the peak: requests rounded up, segment
    /// remainders no request fits (`MemoryModel`, `CachingAllocator`); 0 on devices without one (TPUs, the CPU trainer).
    public var allocatorCacheBytes: Int = 0
    /// Runtime context (CUDA context, allocator) before any tensor.
    public var runtimeBytes: Int

    /// The peak of live tensors: weights, EMA, gradients, optimizer state, activations and workspace, which is what
    /// `torch.cuda.max_memory_allocated` and the published tables report.
    public var liveTensorBytes: Int {
        weightsBytes + emaBytes + gradientBytes + optimizerStateBytes + activationBytes + workspaceBytes
    }

    /// The caching allocator's reserve at the peak (`torch.cuda.memory_reserved`): the live tensors and what the
    /// allocator holds beyond them.
    public var reservedBytes: Int { liveTensorBytes + allocatorCacheBytes }

    /// The process total: the reserve plus the runtime context (the workspace is allocated through the caching
    /// allocator, so it is inside the reserve).
    public var totalBytes: Int { reservedBytes + runtimeBytes }

    /// The parts as (name, bytes) pairs in a fixed order, for tables and charts; they sum to `totalBytes`.
    public var parts: [(name: String, bytes: Int)] {
        [("weights", weightsBytes), ("ema", emaBytes), ("gradients", gradientBytes),
         ("optimizer", optimizerStateBytes), ("activations", activationBytes), ("workspace", workspaceBytes),
         ("allocator cache", allocatorCacheBytes), ("runtime", runtimeBytes)]
    }
}

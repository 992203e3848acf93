import Workload

/// When the CPU reference trainer splits a kernel across its threads: the one rule that
/// its loops (`Parallel.forEach`) and matrix products (`Gemm.sgemm`) follow and that the
/// cost model prices by.
///
/// Splitting costs a dispatch to every thread (docs/cpu-trainer-measurements.md), so small
/// loops and products run inline on the calling thread whatever the thread count. A
/// 2-thread run of a small model therefore runs many of its passes on one core;
/// `Op.splitsAcrossThreads(_:batch:)` says which, and a CPU profile prices those passes
/// with its 1-thread parameters (`CPUTrainerPricing`).
public enum ThreadSplit {
    /// Fewest element operations (iterations times cost per iteration) of a split loop.
    public static let minimumLoopWork = 32_768
    /// Fewest multiply-adds of a split matrix product.
    ///
    /// Each half of a split product pays for packing the shared operand again and starts on
    /// a core whose caches do not hold it, which only a large product amortises; below this
    /// size splitting ran no faster (docs/cpu-trainer-measurements.md).
    public static let minimumMultiplyAdds = 1 << 24

    /// Cost per element of the activation forward loop (`y = f(x)`).
    public static let activationForwardCost = 4
    /// Cost per element of the activation backward loop (`dx = f'(y) * dy`).
    public static let activationBackwardCost = 2
    /// Cost per element of batch normalisation (statistics, then normalisation).
    public static let batchNormCost = 4
    /// Cost per parameter of an Adam update.
    public static let adamCost = 8
    /// Cost per parameter of an EMA update.
    public static let emaCost = 3

    /// Whether a loop of `count` iterations costing `costPerItem` each is split (given
    /// more than one thread).
    @inlinable
    public static func splitsLoop(count: Int, costPerItem: Int = 1) -> Bool {
        count >= 2 && count * costPerItem >= minimumLoopWork
    }

    /// Whether a product `C (m, n) = A (m, k) * B (k, n)` is split (given more than one
    /// thread): into blocks of rows or of columns, whichever dimension is larger.
    @inlinable
    public static func splitsProduct(m: Int, n: Int, k: Int) -> Bool {
        max(m, n) >= 2 && m * n * k >= minimumMultiplyAdds
    }

    /// Whether the optimizer update of `parameters` is split (SGD's loop never is).
    public static func splitsUpdate(_ optimizer: OptimizerKind, parameters: Int) -> Bool {
        optimizer == .adam && splitsLoop(count: parameters, costPerItem: adamCost)
    }

    /// Whether the EMA update of `parameters` is split.
    public static func splitsEMA(parameters: Int) -> Bool {
        splitsLoop(count: parameters, costPerItem: emaCost)
    }
}

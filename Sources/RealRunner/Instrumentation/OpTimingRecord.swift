import CPUExecution
import Workload

/// One line of the per-op timing file: an op's pass, its CostModel descriptor, the run
/// context and the measured wall times.
public struct OpTimingRecord: Codable, Sendable {
    public var type = "op"
    public var network: String
    public var phase: String
    public var op: String
    public var opID: Int
    public var kind: String
    public var pass: String
    public var weightGradients: Bool
    public var inputGradients: Bool
    public var batch: Int
    public var inputShapes: [[Int]]
    public var outputShape: [Int]
    public var parameters: Int
    /// FLOPs of the pass from `Op.cost` (backward: input-gradient plus weight-gradient
    /// as computed).
    public var flops: Int
    /// FLOPs the kernels executed for `flops` (`ConvolutionLayout.executedFlops`: oneDNN's
    /// padded channel blocks), equal to `flops` for ops without padding.
    public var executedFlops: Int
    public var bytesRead: Int
    public var bytesWritten: Int
    /// Bytes the pass's layout conversions moved (`ConvolutionLayout.conversionBytes`), 0 for
    /// ops that convert none.
    public var columnBytes: Int
    /// Contiguous segments those bytes were copied in: 0, since oneDNN's reorders run whole tensors
    /// (measurement files of the earlier im2col trainer count its column rows).
    public var columnSegments: Int
    /// Threads the pass ran on: the run's thread count, or 1 where the trainer split none
    /// of the pass's loops and products (small work runs inline; `ThreadSplit`).
    public var threads: Int
    public var precision: String
    /// Median over the timed iterations of the seconds this pass took per iteration.
    public var medianSeconds: Double
    public var meanSeconds: Double
    /// Timed iterations.
    public var samples: Int
    /// Executions per iteration (e.g. D steps per iteration).
    public var callsPerIteration: Int
}

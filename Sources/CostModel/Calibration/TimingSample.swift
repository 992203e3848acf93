import Workload
/// One measured op time with the work that took it: the unit of calibration.
public struct TimingSample: Sendable, Hashable, Codable {
    public var opClass: OpClass
    /// The op kind's name (`conv2d`, `batch_norm`, ...), for reports.
    public var kind: String
    public var flops: Int
    /// Bytes read plus bytes written.
    public var bytes: Int
    /// Bytes the pass moved on a CPU beside `bytes`, converting a convolution's tensors
    /// between layouts (see `ConvolutionLayout`); 0 where there are none.
    public var columnBytes: Int
    /// Contiguous segments those bytes were copied in (the earlier im2col trainer's column rows);
    /// 0 where unknown or uncounted.
    public var columnSegments: Int
    public var precision: Precision
    /// Measured wall time of the pass, in seconds.
    public var seconds: Double
    /// Threads the op ran with on a CPU (0: all cores, or an accelerator).
    public var threads: Int
    /// Line of the measurement file the sample came from (0 when measured in-process).
    public var line: Int

    public init(opClass: OpClass, kind: String, flops: Int, bytes: Int, precision: Precision, seconds: Double,
                threads: Int = 0, line: Int = 0, columnBytes: Int = 0, columnSegments: Int = 0) {
        self.opClass = opClass
        self.kind = kind
        self.flops = flops
        self.bytes = bytes
        self.columnBytes = columnBytes
        self.columnSegments = columnSegments
        self.precision = precision
        self.seconds = seconds
        self.threads = threads
        self.line = line
    }
}

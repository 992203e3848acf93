/// The work of one pass (forward, input-gradient or weight-gradient) of one op.
///
/// FLOPs count a multiply-add as 2 FLOPs; bytes are DRAM traffic assuming each operand
/// is read once and each result written once.
public struct PassCost: Hashable, Sendable, Codable {
    public var flops: Int
    public var bytesRead: Int
    public var bytesWritten: Int

    public init(flops: Int = 0, bytesRead: Int = 0, bytesWritten: Int = 0) {
        self.flops = flops
        self.bytesRead = bytesRead
        self.bytesWritten = bytesWritten
    }

    /// Bytes moved in both directions.
    public var bytes: Int { bytesRead + bytesWritten }

    /// Whether the pass does nothing at all.
    public var isEmpty: Bool { flops == 0 && bytes == 0 }

    /// The elementwise sum of two costs.
    public static func + (a: PassCost, b: PassCost) -> PassCost {
        PassCost(flops: a.flops + b.flops, bytesRead: a.bytesRead + b.bytesRead,
                 bytesWritten: a.bytesWritten + b.bytesWritten)
    }

    /// The cost scaled by an integer factor (repetitions).
    public static func * (a: PassCost, k: Int) -> PassCost {
        PassCost(flops: a.flops * k, bytesRead: a.bytesRead * k, bytesWritten: a.bytesWritten * k)
    }
}

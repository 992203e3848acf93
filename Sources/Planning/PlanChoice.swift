import Simulator

/// One cluster configuration the planner weighed, with its predicted time, cost, energy and memory.
public struct PlanChoice: Sendable, Codable, Equatable {
    /// Cluster kind, e.g. `a100-80gb in dgx-a100`.
    public var family: String
    public var devices: Int
    /// Inter-server fabric (`-` within one server or on a TPU pod).
    public var fabric: String
    public var batchPerDevice: Int
    public var accumulation: Int
    public var precision: String
    /// Training time, in seconds (event simulation when confirmed, else the analytic estimate).
    public var trainingSeconds: Double
    /// The measured training time `trainingSeconds` stands for given the device profile's validated errors (nil: the
    /// prediction is not validated).
    public var trainingSecondsInterval: [Double]?
    public var costUSD: Double
    public var energyKWh: Double
    public var peakBytesPerDevice: Int
    public var capacityBytesPerDevice: Int
    public var scalingEfficiency: Double
    /// Whether the figures come from the event simulation (else the analytic estimate).
    public var confirmed: Bool

    /// A one-line description, e.g. `64x a100-80gb in dgx-a100 over hdr, batch 32/device, bf16`.
    public var summary: String {
        let over = fabric == "-" ? "" : " over \(fabric)"
        let acc = accumulation > 1 ? " x\(accumulation) accumulation" : ""
        return "\(devices)x \(family)\(over), batch \(batchPerDevice)/device\(acc), \(precision)"
    }
}

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
    /// Expected wall time of the run with failures, checkpoints and restarts, in seconds (event simulation when
    /// confirmed, else the analytic estimate): what deadlines are held to.
    public var trainingSeconds: Double
    /// The measured wall time `trainingSeconds` stands for given the device profile's validated errors (nil: the
    /// prediction is not validated): the failure-free run's validated range, stretched by the same expected overhead.
    public var trainingSecondsInterval: [Double]?
    /// Wall time of the run without failures or checkpoints, in seconds.
    public var usefulSeconds: Double
    /// `usefulSeconds` over `trainingSeconds`.
    public var goodput: Double
    /// Expected cost with failures and checkpoints, in US dollars.
    public var costUSD: Double
    /// Expected facility energy with failures and checkpoints, in kWh.
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

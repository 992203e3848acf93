/// One unit of work of a training iteration on one device, in execution order.
///
/// The simulator schedules these on a device's compute stream; the CPU trainer executes
/// the same ops in the same order. `opID` is nil for whole-network items (optimizer, EMA).
public struct WorkItem: Sendable, Hashable {
    public var phase: StepPhase
    public var network: NetworkRole
    public var opID: Int?
    /// The class whose device parameters price the item.
    public var opClass: OpClass
    public var pass: PassKind
    /// Index of the D step within the iteration (0 for G-side items).
    public var step: Int
    /// Index of the micro-batch within gradient accumulation.
    public var microBatch: Int
    /// Samples processed.
    public var batch: Int
    public var precision: Precision
    /// FLOPs and bytes of the item.
    public var cost: PassCost
    /// The matrix product the item lowers to, if any (for matrix-unit padding).
    public var gemm: GemmShape?
    /// fp32 gradient bytes this item finishes (weight-gradient items on the last
    /// micro-batch); the simulator buckets these for all-reduce.
    public var gradientBytes: Int

    public init(
        phase: StepPhase, network: NetworkRole, opID: Int?, opClass: OpClass, pass: PassKind, step: Int, microBatch: Int,
        batch: Int, precision: Precision, cost: PassCost, gemm: GemmShape?, gradientBytes: Int
    ) {
        self.phase = phase
        self.network = network
        self.opID = opID
        self.opClass = opClass
        self.pass = pass
        self.step = step
        self.microBatch = microBatch
        self.batch = batch
        self.precision = precision
        self.cost = cost
        self.gemm = gemm
        self.gradientBytes = gradientBytes
    }
}

/// A network as a topologically ordered list of ops with inferred shapes.
///
/// The same graph is priced by the cost model, executed by the CPU trainer and
/// scheduled by the simulator, so all three describe the same layers.
public struct Graph: Sendable {
    /// The network's name (`G` or `D` plus the architecture).
    public let name: String
    /// The ops in execution order; `ops[i].id == i`.
    public let ops: [Op]
    /// Id of the op whose output is the network's output.
    public let outputID: Int
    /// For each op, the ids of the ops that read its output, once per input slot, in
    /// execution order.
    public let consumerIDs: [[Int]]

    public init(name: String, ops: [Op], outputID: Int) {
        self.name = name
        self.ops = ops
        self.outputID = outputID
        var consumers = [[Int]](repeating: [], count: ops.count)
        for op in ops { for i in op.inputs { consumers[i].append(op.id) } }
        consumerIDs = consumers
    }

    /// Total learned parameters.
    public var parameterCount: Int { ops.reduce(0) { $0 + $1.parameterCount } }

    /// Parameters of the ops in the blocks whose name starts with `prefix`.
    public func parameterCount(blockPrefix prefix: String) -> Int {
        ops.filter { $0.block.hasPrefix(prefix) }.reduce(0) { $0 + $1.parameterCount }
    }

    /// The blocks of the graph in the order its ops first appear (input ops excluded): from the input to the output.
    public var blocks: [String] {
        var seen = Set<String>(), order: [String] = []
        for op in ops where op.kind != .input && seen.insert(op.block).inserted { order.append(op.block) }
        return order
    }

    /// The graph's inputs (ops of kind `.input`).
    public var inputs: [Op] { ops.filter { $0.kind == .input } }

    /// The shape of the network output.
    public var outputShape: TensorShape { ops[outputID].outputShape }

    /// Bytes of activations kept alive from the forward pass until backward has used
    /// them, for the whole network, at `batch` samples.
    ///
    /// Each tensor that any op needs for its backward is counted once, however many ops
    /// read it, plus each op's private saved state. `precision(op)` gives the storage
    /// format of each op's output (mixed precision may differ per block).
    public func savedActivationBytes(batch: Int, precision: (Op) -> Precision) -> Int {
        savedActivationTensorBytes(batch: batch, precision: precision).reduce(0, +)
    }

    /// The tensors `savedActivationBytes` counts, one entry each in the order the forward pass allocates them: per op,
    /// its output where some backward needs it, then its private saved state (one allocation per op) where it has any.
    /// Invariant: the entries sum to `savedActivationBytes`, and none is 0. The caching allocator's reserve rounds
    /// each allocation on its own (`CachingAllocator`), so the memory model needs them apart.
    public func savedActivationTensorBytes(batch: Int, precision: (Op) -> Precision) -> [Int] {
        var saved = [Bool](repeating: false, count: ops.count)
        for op in ops {
            let (savedInputs, savedOutput) = op.savedTensors
            for (i, keep) in savedInputs.enumerated() where keep { saved[op.inputs[i]] = true }
            if savedOutput { saved[op.id] = true }
        }
        var tensors: [Int] = []
        for op in ops {
            if saved[op.id] && op.kind != .input {
                let bytes = batch * op.outputShape.elementCount * precision(op).bytesPerElement
                if bytes > 0 { tensors.append(bytes) }
            }
            let own = op.cost(batch: batch, precision: precision(op)).privateSavedBytes
            if own > 0 { tensors.append(own) }
        }
        return tensors
    }

    /// The largest single activation tensor of the graph at `batch`, in bytes: the
    /// workspace a framework needs beyond saved tensors during one op.
    public func largestActivationBytes(batch: Int, precision: (Op) -> Precision) -> Int {
        ops.map { batch * $0.outputShape.elementCount * precision($0).bytesPerElement }.max() ?? 0
    }

    /// Bytes of all op outputs (graph inputs excluded) at `batch`.
    public func outputBytes(batch: Int, precision: (Op) -> Precision) -> Int {
        ops.reduce(0) { $0 + ($1.kind == .input ? 0 : batch * $1.outputShape.elementCount * precision($1).bytesPerElement) }
    }
}

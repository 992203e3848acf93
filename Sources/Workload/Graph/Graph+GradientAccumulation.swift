extension Graph {
    /// Which ops' outputs need a gradient in a backward pass (indexed by op id), as the
    /// trainer and autograd decide: a graph input if the pass differentiates into the
    /// inputs, any other op if it has parameters whose gradients are wanted (and are not
    /// `frozen`) or reads a value that needs one.
    public func gradientRequirements(weights: Bool, intoInputs: Bool, frozen: Set<Int> = []) -> [Bool] {
        var requires = [Bool](repeating: false, count: ops.count)
        for op in ops {
            if op.kind == .input {
                requires[op.id] = intoInputs
            } else {
                requires[op.id] = (weights && op.hasParameters && !frozen.contains(op.id)) || op.inputs.contains { requires[$0] }
            }
        }
        return requires
    }

    /// Whether the backward of `op` computes gradients for its inputs: when its own output
    /// needs a gradient and so does one of its inputs, `requires` being
    /// `gradientRequirements` (as the trainer decides). So G's first layer, fed z through a
    /// reshape, computes no input gradient unless the pass differentiates into z.
    /// The one rule of `WorkItemBuilder` and the trainer's op records.
    public func computesInputGradients(_ op: Op, requires: [Bool]) -> Bool {
        requires[op.id] && op.inputs.contains { requires[$0] }
    }

    /// The sums of gradients that the backward of `op` pays for, at `batch`: one pass
    /// reading two gradients and writing their sum, per gradient that `op` adds into a
    /// value other ops read too.
    ///
    /// A value read by k ops receives k gradients. The backward runs the ops in reverse,
    /// so the reader that runs last in the forward delivers first and its gradient is
    /// kept by reference (as PyTorch's autograd keeps it); every later delivery adds
    /// into it. `requires` is `gradientRequirements`: values that need no gradient
    /// receive none.
    public func gradientAccumulation(into op: Op, batch: Int, requires: [Bool],
                                     precision: (Op) -> Precision = { _ in .fp32 }) -> PassCost {
        var cost = PassCost()
        for elements in accumulatedElements(into: op, batch: batch, requires: requires) {
            let bytes = elements.value * precision(ops[elements.source]).bytesPerElement
            cost = cost + PassCost(flops: elements.value, bytesRead: 2 * bytes, bytesWritten: bytes)
        }
        return cost
    }

    /// The values `op`'s backward adds a gradient into (`source`) and their elements at
    /// `batch` (`value`), once per sum.
    public func accumulatedElements(into op: Op, batch: Int, requires: [Bool]) -> [(source: Int, value: Int)] {
        var sums: [(source: Int, value: Int)] = []
        for (slot, source) in op.inputs.enumerated() where requires[source] {
            let readers = consumerIDs[source]
            guard readers.count > 1 else { continue }
            // The first delivery: the last reader's first slot that reads the value.
            let last = readers.max()!
            if op.id == last && op.inputs.firstIndex(of: source) == slot { continue }
            sums.append((source, batch * ops[source].outputShape.elementCount))
        }
        return sums
    }
}

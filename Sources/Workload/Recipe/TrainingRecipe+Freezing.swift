extension TrainingRecipe {
    /// Ids of the ops of `role`'s network `graph` whose parameters the recipe freezes: D's first
    /// `frozenDiscriminatorBlocks` blocks, in the order the image meets them (`Graph.blocks`), and never its last block
    /// (a growing model's early phases have fewer blocks than its final D, which the scenario checks); none of G's.
    ///
    /// A frozen op computes no weight gradient and has no gradient buffer or optimizer state; its input gradient is
    /// computed only where a gradient must pass through it (G's step and R1 differentiate into D's input, D's step
    /// stops at the first trainable block).
    public func frozenOps(of role: NetworkRole, in graph: Graph) -> Set<Int> {
        guard role == .discriminator, let k = frozenDiscriminatorBlocks, k > 0 else { return [] }
        let blocks = graph.blocks
        let frozen = Set(blocks.prefix(min(k, blocks.count - 1)))
        return Set(graph.ops.filter { frozen.contains($0.block) }.map(\.id))
    }

    /// Which ops of `role`'s network need a gradient in a backward that differentiates the trainable weights if
    /// `weights` and into the graph's inputs if `intoInputs` (`Graph.gradientRequirements` without the frozen ops'
    /// weights).
    public func gradientRequirements(of role: NetworkRole, in graph: Graph, weights: Bool, intoInputs: Bool) -> [Bool] {
        graph.gradientRequirements(weights: weights, intoInputs: intoInputs, frozen: frozenOps(of: role, in: graph))
    }

    /// Learned parameters of `role`'s network `graph` that train (have gradients and optimizer state).
    public func trainableParameterCount(of role: NetworkRole, in graph: Graph) -> Int {
        let frozen = frozenOps(of: role, in: graph)
        return graph.ops.reduce(0) { $0 + (frozen.contains($1.id) ? 0 : $1.parameterCount) }
    }
}

extension CollectiveScheduleBuilder {
    /// NCCL's binary tree over ranks 0..<n (`ncclGetBtree`): rank 0 is the root with one child.
    ///
    /// - Returns: the parent of each rank (-1 for the root).
    static func binaryTreeParents(_ n: Int) -> [Int] {
        var parents = Array(repeating: -1, count: n)
        for rank in 1..<max(1, n) {
            var bit = 1
            while bit < n && bit & rank == 0 { bit <<= 1 }
            var up = (rank ^ bit) | (bit << 1)
            if up >= n { up = rank ^ bit }
            parents[rank] = up
        }
        return parents
    }

    /// The second tree of NCCL's double binary tree: the first one shifted by one rank (odd n) or mirrored (even n).
    static func complementaryTreeParents(_ n: Int) -> [Int] {
        let base = binaryTreeParents(n)
        var parents = Array(repeating: -1, count: n)
        for rank in 0..<n {
            // Position of `rank` in the base tree, and the inverse map back to ranks.
            let position = n % 2 == 1 ? (rank - 1 + n) % n : n - 1 - rank
            let parentPosition = base[position]
            parents[rank] = parentPosition < 0 ? -1 : (n % 2 == 1 ? (parentPosition + 1) % n : n - 1 - parentPosition)
        }
        return parents
    }

    /// Double binary tree all-reduce over `members` (slots): each tree reduces half the bytes to its root and broadcasts it back, in chunks.
    ///
    /// Member i starts sending once `ready[i]` (-1: nothing) is done.
    /// - Returns: for each member, a join that completes when it holds the full result.
    @discardableResult
    static func appendDoubleBinaryTree(
        _ schedule: inout CollectiveSchedule, members: [Int], bytes: Double, chunks: Int, ready: [Int]
    ) -> [Int] {
        let n = members.count
        guard n > 1 else { return ready }
        let piece = bytes / 2 / Double(chunks)
        var finished = Array(repeating: [Int](), count: n)
        for parents in [binaryTreeParents(n), complementaryTreeParents(n)] {
            var children = Array(repeating: [Int](), count: n)
            var root = 0
            for rank in 0..<n {
                if parents[rank] < 0 { root = rank } else { children[parents[rank]].append(rank) }
            }
            // Pre-order from the root; reversed it lists children before parents.
            var preorder: [Int] = []
            var stack = [root]
            while let node = stack.popLast() {
                preorder.append(node)
                stack.append(contentsOf: children[node].reversed())
            }
            var lastUp = ready
            var lastDown = Array(repeating: -1, count: n)
            for _ in 0..<chunks {
                var up = Array(repeating: -1, count: n)
                for node in preorder.reversed() where node != root {
                    let id = schedule.add(from: members[node], to: members[parents[node]], bytes: piece, after: lastUp[node])
                    for child in children[node] { schedule.addDependency(up[child], before: id) }
                    up[node] = id
                    lastUp[node] = id
                }
                var reducedDependencies = children[root].map { up[$0] }
                if ready[root] >= 0 { reducedDependencies.append(ready[root]) }
                let reduced = schedule.join(at: members[root], after: reducedDependencies)
                var down = Array(repeating: -1, count: n)
                down[root] = reduced
                lastDown[root] = reduced
                for node in preorder where node != root {
                    let id = schedule.add(from: members[parents[node]], to: members[node], bytes: piece, after: down[parents[node]], lastDown[node])
                    down[node] = id
                    lastDown[node] = id
                }
            }
            for node in 0..<n { finished[node].append(lastDown[node]) }
        }
        return (0..<n).map { schedule.join(at: members[$0], after: finished[$0]) }
    }
}

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

    /// Double binary tree all-reduce: each tree reduces half the bytes to its root and broadcasts it back, in chunks.
    static func appendDoubleBinaryTree(_ schedule: inout CollectiveSchedule, participantCount n: Int, bytes: Double, chunks: Int) {
        guard n > 1 else { return }
        let piece = bytes / 2 / Double(chunks)
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
            var lastUp = Array(repeating: -1, count: n)
            var lastDown = Array(repeating: -1, count: n)
            for _ in 0..<chunks {
                var up = Array(repeating: -1, count: n)
                for node in preorder.reversed() where node != root {
                    let id = schedule.add(from: node, to: parents[node], bytes: piece, after: lastUp[node])
                    for child in children[node] { schedule.addDependency(up[child], before: id) }
                    up[node] = id
                    lastUp[node] = id
                }
                let reduced = schedule.join(at: root, after: children[root].map { up[$0] })
                var down = Array(repeating: -1, count: n)
                down[root] = reduced
                for node in preorder where node != root {
                    let id = schedule.add(from: parents[node], to: node, bytes: piece, after: down[parents[node]], lastDown[node])
                    down[node] = id
                    lastDown[node] = id
                }
            }
        }
    }
}

import Yams

/// A base scenario tree with a list of assignments applied, remembering every prefix of the list.
///
/// Sweep points come in grid order (the last axis fastest), so consecutive points share
/// all but their last few assignments. Applying only the assignments after the longest
/// prefix shared with the previous point gives the same tree as applying them all, at a
/// fraction of the cost (rebuilding YAML mappings was a quarter of a sweep's time).
/// One per worker thread: YAML nodes are not shared between threads.
struct AppliedAssignments {
    private let root: Node
    /// One tag for every node created: each `Tag.implicit` builds a fresh dictionary.
    private let tag = Tag.implicit
    /// `applied[k]`: the k-th assignment applied and the tree after assignments 0...k.
    private var applied: [(assignment: Assignment, tree: Node)] = []

    /// Starts from the base tree `root`.
    init(root: Node) { self.root = root }

    /// The base tree with `assignments` applied in order.
    mutating func tree(_ assignments: [Assignment]) -> Node {
        var shared = 0
        while shared < min(applied.count, assignments.count) && applied[shared].assignment == assignments[shared] { shared += 1 }
        applied.removeSubrange(shared...)
        for assignment in assignments[shared...] {
            let tree = ScenarioTemplate.applying([assignment], to: applied.last?.tree ?? root, tag: tag)
            applied.append((assignment, tree))
        }
        return applied.last?.tree ?? root
    }
}

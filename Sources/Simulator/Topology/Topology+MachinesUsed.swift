extension Topology {
    /// The machines that the first `devices` ranks occupy, in ascending order.
    ///
    /// - Complexity: O(devices + machines), without hashing: sweeps ask once or more per point.
    public func machinesUsed(byFirst devices: Int) -> [Int] {
        var seen: [Bool] = []
        for rank in 0..<devices {
            let machine = machine(ofRank: rank)
            if machine >= seen.count { seen += Array(repeating: false, count: machine + 1 - seen.count) }
            seen[machine] = true
        }
        return seen.indices.filter { seen[$0] }
    }
}

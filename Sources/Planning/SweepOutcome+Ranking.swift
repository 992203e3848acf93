/// Ordering sweep outcomes by one figure, ties broken by grid order so results stay deterministic.
extension Array where Element == SweepOutcome {
    /// The outcomes in increasing `key`, ties in grid order.
    func ranked(by key: (SweepOutcome) -> Double) -> [SweepOutcome] {
        sorted { (key($0), $0.index) < (key($1), $1.index) }
    }

    /// The first of `ranked(by: key)`, found without sorting.
    func least(by key: (SweepOutcome) -> Double) -> SweepOutcome? {
        self.min { (key($0), $0.index) < (key($1), $1.index) }
    }
}

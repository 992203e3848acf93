/// The rows of the global batch one data-parallel process computes.
///
/// The global batch of `count * b` samples is drawn exactly as a single process would
/// draw it (same generator, same order); process `index` keeps rows
/// `index * b ..< (index + 1) * b`. Every process therefore draws the whole batch (the
/// cost of the random numbers and data loading is replicated), which is what makes a
/// data-parallel run reproduce single-process training with the same global batch.
public struct BatchShard: Sendable, Hashable {
    /// This process's position, `0 ..< count`.
    public var index: Int
    /// Processes sharing the batch.
    public var count: Int

    /// Creates the shard `index` of `count`.
    public init(index: Int, count: Int) {
        precondition(count >= 1 && (0..<count).contains(index), "shard \(index) of \(count)")
        self.index = index
        self.count = count
    }
}

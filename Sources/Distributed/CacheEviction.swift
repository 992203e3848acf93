/// A buffer a rank writes through to evict its caches before a timed all-reduce (`CommBenchmark.measure`), allocated
/// once for a whole sweep: each eviction writes one word in each 64-byte line of it.
final class CacheEviction {
    /// Floats in the buffer.
    private let count: Int
    private let buffer: UnsafeMutablePointer<Float>

    /// A buffer of `bytes` (at least one float).
    init(bytes: Int) {
        count = max(1, bytes / MemoryLayout<Float>.size)
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: 0, count: count)
    }

    deinit { buffer.deallocate() }

    /// Writes one word of every cache line of the buffer.
    func evict() {
        for i in stride(from: 0, to: count, by: 64 / MemoryLayout<Float>.size) { buffer[i] += 1 }
    }
}

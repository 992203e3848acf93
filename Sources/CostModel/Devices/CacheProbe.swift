import Foundation

/// The last-level cache one process of this machine can count on, measured by a working-set sweep.
///
/// sysfs gives the size of the last-level cache the CPU has, not what a process gets of it: a virtual machine's vCPUs
/// share their socket's cache with every other tenant's cores, so a 2-vCPU VM on a large server reads hundreds of
/// MiB there and keeps far less in it. One thread touches one word in each 64-byte line of working sets that grow
/// half an octave at a time, from twice the level below the last (past the core's private caches) to twice the
/// sysfs size, and times the fastest of a few passes. The rate falls from the cache's to memory's around the size that
/// fits; the cache a process can count on is the largest working set still touched faster than the geometric mean of
/// the two rates (`knee`). The same touches over half a core's private cache and over four times it measure how
/// much faster a core works on what its own cache holds (`privateCacheSpeedup`).
public enum CacheProbe {
    /// A working set's size and the bytes it spans per second.
    public struct Rate: Sendable, Equatable {
        public var bytes: Int
        public var bytesPerSecond: Double

        public init(bytes: Int, bytesPerSecond: Double) {
            self.bytes = bytes
            self.bytesPerSecond = bytesPerSecond
        }
    }

    /// Bytes of a cache line: the probe touches one word per line.
    static let lineBytes = 64
    /// Timed passes per size; the fastest counts (a shared machine only ever slows one down).
    static let trials = 3
    /// Bytes spanned per timed pass at least (small sets are swept repeatedly), so that a pass lasts milliseconds.
    static let bytesPerPass = 256 << 20
    /// The largest working set probed: memory enough on any machine that runs the trainer.
    static let largestBytes = 1 << 30

    /// The cache a process can count on: the probe's `knee` from twice `privateCacheBytes` to twice `lastLevelCacheBytes`
    /// (at most `largestBytes`); nil when the sweep finds no fall (the whole range stays in cache, or none of it does).
    public static func effectiveBytes(privateCacheBytes: Int, lastLevelCacheBytes: Int) -> Int? {
        let sizes = self.sizes(from: 2 * privateCacheBytes, to: min(2 * lastLevelCacheBytes, largestBytes))
        guard sizes.count > 2 else { return nil }
        return knee(rates(of: sizes))
    }

    /// How many times as fast one thread touches a working set of half `privateCacheBytes` as one of four times it
    /// (past the private cache, within any shared level); nil when either rate is not positive. Never below 1: a
    /// cache is not slower than what lies beyond it, and a slower small set only means the machine was disturbed.
    public static func privateCacheSpeedup(privateCacheBytes: Int) -> Double? {
        guard privateCacheBytes > 0 else { return nil }
        let inside = max(lineBytes, privateCacheBytes / 2 / lineBytes * lineBytes)
        let beyond = max(2 * lineBytes, 4 * privateCacheBytes / lineBytes * lineBytes)
        let measured = rates(of: [inside, beyond]).map(\.bytesPerSecond)
        guard measured[0] > 0, measured[1] > 0 else { return nil }
        return max(1, measured[0] / measured[1])
    }

    /// The rate at each of `sizes` (whole cache lines), swept over one buffer as large as the largest.
    static func rates(of sizes: [Int]) -> [Rate] {
        guard let largest = sizes.max() else { return [] }
        let buffer = UnsafeMutablePointer<UInt32>.allocate(capacity: largest / MemoryLayout<UInt32>.size)
        defer { buffer.deallocate() }
        buffer.initialize(repeating: 1, count: largest / MemoryLayout<UInt32>.size)
        return sizes.map { Rate(bytes: $0, bytesPerSecond: rate(bytes: $0, buffer: buffer)) }
    }

    /// Sizes from `smallest` to `largest` bytes, half an octave apart, each a whole number of cache lines.
    static func sizes(from smallest: Int, to largest: Int) -> [Int] {
        guard smallest > 0, largest >= smallest else { return [] }
        let steps = Int((2 * log2(Double(largest) / Double(smallest))).rounded(.down))
        return (0...steps).map { step in
            let bytes = Double(smallest) * pow(2, Double(step) / 2)
            return max(lineBytes, Int(bytes) / lineBytes * lineBytes)
        }
    }

    /// The largest working set of `rates` (in increasing size) before the first one touched slower than the geometric
    /// mean of the smallest's and the largest's rates; nil when none is, or the smallest already is.
    public static func knee(_ rates: [Rate]) -> Int? {
        guard let first = rates.first, let last = rates.last, first.bytesPerSecond > 0, last.bytesPerSecond > 0 else { return nil }
        let threshold = (first.bytesPerSecond * last.bytesPerSecond).squareRoot()
        guard let fall = rates.firstIndex(where: { $0.bytesPerSecond < threshold }), fall > 0 else { return nil }
        return rates[fall - 1].bytes
    }

    /// Bytes per second spanned by one thread reading and writing one word per line of the first `bytes` of `buffer`,
    /// the fastest of `trials` passes.
    static func rate(bytes: Int, buffer: UnsafeMutablePointer<UInt32>) -> Double {
        let stride = lineBytes / MemoryLayout<UInt32>.size
        let count = bytes / MemoryLayout<UInt32>.size
        let sweeps = max(1, bytesPerPass / bytes)
        var best = Double.infinity
        var carry: UInt32 = 0
        for _ in 0..<trials {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<sweeps {
                var i = 0
                while i < count {
                    carry &+= buffer[i]
                    buffer[i] = carry
                    i += stride
                }
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(sweeps))
        }
        // The carried sum depends on every touch, so the loop cannot be dropped.
        if carry == 1 { buffer[0] = 0 }
        return Double(bytes) / best
    }
}

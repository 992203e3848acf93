import Testing
@testable import CostModel

/// The working-set sweep that measures the last-level cache a process can count on.
@Suite struct CacheProbeTests {
    @Test func theKneeIsTheLargestSetTouchedFasterThanTheGeometricMeanOfCacheAndMemory() {
        // 25 GB/s in cache up to 64 MiB, 12 GB/s from memory beyond (a 2-vCPU VM whose sysfs says 260 MiB): the
        // threshold is sqrt(25 * 12) = 17.3 GB/s.
        let mib = 1 << 20
        let rates = [4, 8, 16, 32, 64, 90, 128, 256, 512].map { size in
            CacheProbe.Rate(bytes: size * mib, bytesPerSecond: size <= 64 ? 25e9 : size == 90 ? 18e9 : 12e9)
        }
        #expect(CacheProbe.knee(rates) == 90 * mib)
        // No fall: the whole sweep stays in cache (or none of it is), and the probe says nothing.
        #expect(CacheProbe.knee(rates.map { .init(bytes: $0.bytes, bytesPerSecond: 25e9) }) == nil)
        #expect(CacheProbe.knee([]) == nil)
    }

    @Test func sizesGrowHalfAnOctaveAtATimeInWholeLines() {
        let sizes = CacheProbe.sizes(from: 4 << 20, to: 16 << 20)
        #expect(sizes.count == 5)
        #expect(sizes.first == 4 << 20 && sizes.last == 16 << 20)
        #expect(sizes.allSatisfy { $0 % CacheProbe.lineBytes == 0 })
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 < $1 })
        #expect(CacheProbe.sizes(from: 8, to: 4).isEmpty)
    }

    @Test func aProfileKeepsItsCacheWhereTheHostReadNoTwoLevels() {
        var host = LocalCPU.detect()
        host.innerCacheBytes = nil
        let profile = DeviceCatalog.localCPU(host)
        let measured = DeviceCatalog.measuringCache(of: profile, host: host)
        #expect(measured.lastLevelCacheBytes == profile.lastLevelCacheBytes)
        #expect(measured.source == profile.source)
    }
}

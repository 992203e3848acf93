import Testing
@testable import RealRunner

/// Layer caches keep their storage across batch sizes.
@Suite struct TensorCacheTests {
    @Test func aSmallerRequestReusesTheStorageALargerOneReallocates() {
        var cache = TensorCache()
        let large = cache.get([8, 3])
        let small = cache.get([4, 3])
        #expect(small === large && small.data == large.data)
        #expect(small.shape == [4, 3] && small.count == 12 && small.capacity == 24)
        #expect(small.batch == 4 && small.sampleCount == 3)
        // Back to the first size: still the same storage, at its full count.
        #expect(cache.get([2, 12]) === large && large.count == 24)
        let larger = cache.get([9, 3])
        #expect(larger !== large && larger.capacity == 27)
    }

    @Test func zeroedClearsOnlyTheRequestedElements() {
        var cache = TensorCache()
        let t = cache.get([6])
        t.fill(7)
        let z = cache.get([3], zeroed: true)
        #expect(z.array == [0, 0, 0])
        #expect(t.data[3] == 7)
    }
}

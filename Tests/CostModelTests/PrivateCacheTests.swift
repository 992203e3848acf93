import CostModel
import Foundation
import Testing
import TestSupport
import Workload

/// A CPU pass whose bytes its cores' own caches hold streams them at those caches' rate, in the fit as in the pricing.
@Suite struct PrivateCacheTests {
    /// The development VM's 2-core profile with a 1 MiB private cache per core, touched twice as fast.
    var cached: DeviceProfile {
        var p = DeviceCatalog.developmentVM
        p.privateCacheBytes = 1 << 20
        p.privateCacheSpeedup = 2
        return p
    }

    @Test func aWorkingSetTheCoresOwnCachesHoldStreamsAtTheirRate() throws {
        let p = cached
        let bandwidth = p.memoryBandwidth
        #expect(p.memoryBandwidth(workingSetBytes: 512 << 10) == 2 * bandwidth)
        // Two cores hold twice one core's cache; a pass on one thread has only its core's.
        #expect(p.memoryBandwidth(workingSetBytes: 2 << 20) == 2 * bandwidth)
        let one = p.restricted(toThreads: 1)
        #expect(one.memoryBandwidth(workingSetBytes: 2 << 20) == one.memoryBandwidth)
        #expect(one.memoryBandwidth(workingSetBytes: 1 << 20) == 2 * one.memoryBandwidth)
        // Beyond the caches a pass evicts each line before it comes back to it: no share is held.
        #expect(p.memoryBandwidth(workingSetBytes: (2 << 20) + 64) == bandwidth)
        // Without a measured speedup (accelerators, older profile files) nothing changes.
        let plain = DeviceCatalog.developmentVM
        #expect(plain.memoryBandwidth(workingSetBytes: 1024) == plain.memoryBandwidth)
        let h100 = try DeviceCatalog.profile(named: "h100")
        #expect(h100.memoryBandwidth(workingSetBytes: 1024) == h100.memoryBandwidth)
    }

    @Test func theFitAndThePricingReadTheSameRate() throws {
        // Elementwise passes of 64 KiB to 16 MiB at one thread, generated with a memory efficiency of 0.6.
        let base = cached
        let fitter = ProfileFitter(base: base)
        let samples = (0..<16).map { i in
            let bytes = (64 << 10) << (i / 2) + (i % 2) * (16 << 10)
            let s = TimingSample(opClass: .elementwise, kind: "leaky_relu", flops: bytes / 8, bytes: bytes,
                                 precision: .fp32, seconds: 1, threads: 1)
            var t = s
            t.seconds = fitter.predict(s, overhead: 1e-6, compute: 0.8, memory: 0.6)
            return t
        }
        let result = fitter.fit(samples)
        let fit = try #require(result.classes.first)
        #expect(isClose(fit.memoryEfficiency, 0.6, relative: 0.02))
        // The profile prices each pass as measured: in its core's cache at twice the rate, beyond it at the base rate.
        let device = result.profile.restricted(toThreads: 1)
        for s in [samples[2], samples[15]] {
            let cost = PassCost(flops: s.flops, bytesRead: s.bytes / 2, bytesWritten: s.bytes - s.bytes / 2)
            let priced = RooflineModel(device: device).seconds(cost, gemm: nil, precision: .fp32, opClass: .elementwise)
            #expect(isClose(priced, s.seconds, relative: 0.02))
        }
        let inCache = samples[2].bytes, beyond = samples[15].bytes
        #expect(inCache <= 1 << 20 && beyond > 1 << 20)
    }

    @Test func aConvolutionCountsTheBlockedCopiesOfItsTensorsInItsWorkingSet() throws {
        // One thread, 1 MiB of private cache; a convolution moves twice its own bytes again in layout conversions.
        var device = cached.restricted(toThreads: 1)
        let unit = EfficiencyCurve(maxEfficiency: 1, halfSaturation: 0)
        let params = OpClassParameters(launchOverheadSeconds: 0, computeEfficiency: unit, memoryEfficiency: unit,
                                       loweringEfficiency: 1, serialMemory: true)
        device.opClasses = [.convolution: params]
        let pricing = try #require(CPUTrainerPricing(device: device))
        let bandwidth = device.memoryBandwidth
        let fitter = ProfileFitter(base: device)
        for (own, held) in [(256 << 10, true), (512 << 10, false)] {
            // 256 KiB of its own and 512 KiB of copies fit in the cache; 512 KiB and 1 MiB do not, though its own would.
            let cost = PassCost(flops: 0, bytesRead: own / 2, bytesWritten: own / 2)
            let expected = Double(3 * own) / (held ? 2 * bandwidth : bandwidth)
            let priced = pricing.seconds(cost, gemm: nil, precision: .fp32, opClass: .convolution)
            #expect(isClose(priced, expected, relative: 1e-12))
            // The fit prices the trainer's record of the same pass alike.
            let sample = TimingSample(opClass: .convolution, kind: "conv2d", flops: 0, bytes: own, precision: .fp32,
                                      seconds: 1, threads: 1, columnBytes: 2 * own)
            #expect(isClose(fitter.predict(sample, overhead: 0, compute: 1, memory: 1, lowering: 1, serialMemory: true),
                            expected, relative: 1e-12))
        }
    }

    @Test func aProfileFileWithANonPositiveSpeedupIsRefused() throws {
        var p = cached
        p.privateCacheSpeedup = 0
        let path = TestScratch.file("cache-speedup", suffix: ".json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try p.jsonData().write(to: URL(fileURLWithPath: path))
        do {
            _ = try DeviceProfile.load(path: path)
            Issue.record("a profile with privateCacheSpeedup 0 must not load")
        } catch {
            #expect(error.description.contains("privateCacheSpeedup"))
        }
    }

    @Test func theProbeFindsAPrivateCacheNoSlowerThanWhatLiesBeyond() throws {
        let speedup = try #require(CacheProbe.privateCacheSpeedup(privateCacheBytes: 64 << 10))
        #expect(speedup >= 1 && speedup.isFinite)
        #expect(CacheProbe.privateCacheSpeedup(privateCacheBytes: 0) == nil)
    }
}

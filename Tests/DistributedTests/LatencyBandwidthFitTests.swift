import TestSupport
import Testing
@testable import Distributed

/// The latency/bandwidth fit of the all-reduce microbenchmark, on synthetic data.
@Suite struct LatencyBandwidthFitTests {
    /// 4 KiB to 64 MiB, the benchmark's sizes.
    let sizes = CommBenchmark.defaultSizes.map(Double.init)

    @Test(arguments: [2, 4, 8])
    func recoversKnownParametersFromExactTimes(ranks: Int) throws {
        let alpha = 12e-6, beta = 3.5e9
        let samples = sizes.map {
            ($0, LatencyBandwidthFit.predictedSeconds(bytes: $0, ranks: ranks, latencySeconds: alpha, bandwidthBytesPerSecond: beta))
        }
        let fit = try LatencyBandwidthFit.fit(samples, ranks: ranks)
        #expect(isClose(fit.latencySeconds, alpha, relative: 1e-9))
        #expect(isClose(fit.bandwidthBytesPerSecond, beta, relative: 1e-9))
        #expect(fit.maxRelativeError < 1e-9)
    }

    @Test func recoversKnownParametersThroughNoise() throws {
        let alpha = 5e-6, beta = 8e9
        // Deterministic +-3% multiplicative noise, alternating in sign and size.
        let noise = [0.03, -0.02, 0.01, -0.03, 0.02, -0.01, 0.025, -0.015]
        let samples = zip(sizes, noise).map { s, e in
            (s, LatencyBandwidthFit.predictedSeconds(bytes: s, ranks: 2, latencySeconds: alpha, bandwidthBytesPerSecond: beta) * (1 + e))
        }
        let fit = try LatencyBandwidthFit.fit(samples, ranks: 2)
        #expect(isClose(fit.latencySeconds, alpha, relative: 0.05), "latency \(fit.latencySeconds)")
        #expect(isClose(fit.bandwidthBytesPerSecond, beta, relative: 0.05), "bandwidth \(fit.bandwidthBytesPerSecond)")
        #expect(fit.maxRelativeError < 0.05)
    }

    @Test func aNegativeInterceptBecomesZeroLatency() throws {
        // Times proportional to size with a deficit at small sizes: the free fit's
        // latency would be negative.
        let samples = sizes.map { ($0, $0 / 2e9 * ($0 < 1e5 ? 0.8 : 1)) }
        let fit = try LatencyBandwidthFit.fit(samples, ranks: 2)
        #expect(fit.latencySeconds == 0)
        #expect(fit.bandwidthBytesPerSecond > 1.5e9 && fit.bandwidthBytesPerSecond < 2.6e9)
    }

    @Test func unusableSamplesAreRefusedByField() {
        #expect(throws: MPIError.self) { try LatencyBandwidthFit.fit([(4096, 1e-5), (8192, 2e-5)], ranks: 1) }
        #expect(throws: MPIError.self) { try LatencyBandwidthFit.fit([(4096, 1e-5), (4096, 2e-5)], ranks: 2) }
        #expect(throws: MPIError.self) { try LatencyBandwidthFit.fit([(4096, 0), (8192, 2e-5)], ranks: 2) }
    }

    /// A sweep slowed at its smaller sizes (as a busy machine slows some) names the sweep and its times.
    @Test func aSweepWhoseTimesDoNotGrowIsRefusedWithItsTimes() {
        let warm = [(4096, 20e-6), (65536, 40e-6), (1_048_576, 300e-6)]
        let slowedSmall = [(4096, 1.2e-3), (65536, 1.1e-3), (1_048_576, 0.9e-3)]
        let samples = warm.map { CommSample(algorithm: "ring", bytes: $0.0, seconds: $0.1, repetitions: 5) }
            + slowedSmall.map { CommSample(algorithm: "ring", bytes: $0.0, seconds: $0.1, repetitions: 5, cacheEvicted: true) }
        #expect {
            try CommCalibration(ranks: 2, hosts: ["a", "a"], samples: samples)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("invalid ring all-reduce times with caches evicted '4096 B: 1200.0 us, 65536 B: 1100.0 us, "
                                  + "1048576 B: 900.0 us': expected times that grow with the message size")
                && text.contains("rerun it idle")
        }
    }
}

/// The piecewise fit of a transport's regimes.
@Suite struct TransportRegimeFitTests {
    /// 4 KiB to 64 MiB in steps of 2x, timed by a ring over 2 ranks through three regimes: 2 µs and 4 GB/s below
    /// 64 KiB messages, 10 µs and 8 GB/s up to 8 MiB, 10 µs and 5 GB/s beyond.
    private func threeRegimes(noise: Double = 0) -> [(bytes: Double, seconds: Double)] {
        CommBenchmark.defaultSizes.enumerated().map { i, size in
            let bytes = Double(size), message = bytes / 2
            let (alpha, beta) = message < 65536 ? (2e-6, 4e9) : message < 8_388_608 ? (10e-6, 8e9) : (10e-6, 5e9)
            let t = LatencyBandwidthFit.predictedSeconds(bytes: bytes, ranks: 2, latencySeconds: alpha, bandwidthBytesPerSecond: beta)
            return (bytes, t * (1 + (i % 2 == 0 ? noise : -noise)))
        }
    }

    @Test func recoversThreeRegimes() throws {
        let fit = try TransportRegimeFit.fit(threeRegimes(), ranks: 2)
        try #require(fit.regimes.count == 3)
        #expect(fit.maxRelativeError < 1e-9)
        #expect(isClose(fit.regimes[1].fit.bandwidthBytesPerSecond, 8e9, relative: 1e-6))
        #expect(isClose(fit.regimes[2].fit.bandwidthBytesPerSecond, 5e9, relative: 1e-6))
        #expect(isClose(fit.regimes[0].fit.latencySeconds, 2e-6, relative: 1e-6))
        // The boundaries lie between the sizes measured on either side (ring messages: half the all-reduce).
        #expect(fit.regimes[1].fromMessageBytes > 32768 && fit.regimes[1].fromMessageBytes < 65536)
        #expect(fit.regimes[2].fromMessageBytes > 4_194_304 && fit.regimes[2].fromMessageBytes <= 8_388_608)
        // The simulator's link prices each message size as its regime does.
        let link = fit.link
        for message in [4096.0, 1e6, 16e6] {
            let regime = try #require(link.regime(forMessageBytes: message))
            let own = fit.regime(messageBytes: message).fit
            #expect(isClose(regime.overheadSeconds, own.latencySeconds, absolute: 1e-15))
            #expect(isClose(link.bandwidthBytesPerSecond * regime.efficiency, own.bandwidthBytesPerSecond, relative: 1e-12))
        }
    }

    @Test func aBlendTakesEachFitsTimeByItsShareAtEverySize() throws {
        // Three regimes warm, one line of 30 us and 2 GB/s with the caches evicted: a quarter of the evicted time and
        // three quarters of the warm one, at every size, with regimes from both fits' starts.
        let warm = try TransportRegimeFit.fit(threeRegimes(), ranks: 2)
        let evictedSamples = CommBenchmark.defaultSizes.map { size in
            (bytes: Double(size), seconds: LatencyBandwidthFit.predictedSeconds(bytes: Double(size), ranks: 2, latencySeconds: 30e-6,
                                                                               bandwidthBytesPerSecond: 2e9))
        }
        let evicted = try TransportRegimeFit.fit(evictedSamples, ranks: 2)
        let blend = warm.blended(with: evicted, share: 0.25)
        #expect(blend.regimes.count == 3)
        for bytes in [1024.0, 4096, 100_000, 1e6, 9e6, 20e6, 64e6] {
            #expect(isClose(blend.predictedSeconds(bytes: bytes),
                            0.75 * warm.predictedSeconds(bytes: bytes) + 0.25 * evicted.predictedSeconds(bytes: bytes), relative: 1e-9))
        }
        // Evicted and warm samples of one benchmark are fitted apart, and a calibration blends them by the share.
        let samples = zip(CommBenchmark.defaultSizes, threeRegimes()).map { CommSample(algorithm: "ring", bytes: $0, seconds: $1.seconds, repetitions: 5) }
            + zip(CommBenchmark.defaultSizes, evictedSamples).map {
                CommSample(algorithm: "ring", bytes: $0, seconds: $1.seconds, repetitions: 5, cacheEvicted: true)
            }
        let calibration = try CommCalibration(ranks: 2, hosts: ["a", "a"], samples: samples)
        #expect(try #require(calibration.ringRegimes).maxRelativeError < 1e-9)
        #expect(try #require(calibration.evictedRingRegimes).regimes.count == 1)
        #expect(calibration.blendedRegimes(for: .ring, evictedShare: 0) == calibration.ringRegimes)
        let all = try #require(calibration.blendedRegimes(for: .ring, evictedShare: 1.5))
        #expect(isClose(all.predictedSeconds(bytes: 1e6), evicted.predictedSeconds(bytes: 1e6), relative: 1e-9))
        #expect(calibration.blendedRegimes(for: .mpi, evictedShare: 0.5) == nil)
        // Only ranks with a core each evict their caches in comm-bench.
        #expect(CommBenchmark.evictsCaches(MPIWorld(rank: 0, size: 2), cores: 2)
                && !CommBenchmark.evictsCaches(MPIWorld(rank: 0, size: 4), cores: 2))
    }

    @Test func aTransportWithoutRegimesKeepsOneLine() throws {
        let samples = CommBenchmark.defaultSizes.enumerated().map { i, size in
            (bytes: Double(size), seconds: LatencyBandwidthFit.predictedSeconds(bytes: Double(size), ranks: 2, latencySeconds: 3e-6,
                                                                               bandwidthBytesPerSecond: 6e9) * (i % 2 == 0 ? 1.01 : 0.99))
        }
        let fit = try TransportRegimeFit.fit(samples, ranks: 2)
        #expect(fit.regimes.count == 1)
        #expect(fit.link.regimes?.count == 1)
    }

    @Test func noisySmallMessagesDoNotHideTheOutOfCacheRegime() throws {
        // A 2-rank ring sweep of comm-bench on the development VM (fastest of 5 rounds, 2026-12-03): microsecond
        // times that wander by 2-5x below 16 KiB, 9 GB/s in cache, 4.2 GB/s from 16 MiB.
        let microseconds = [1.4, 7.1, 8.9, 11.8, 16.5, 27.3, 54.7, 95.0, 152.4, 232.7, 449.6, 1215.7, 3670.5, 8042.6, 15912.4]
        let samples = zip(CommBenchmark.defaultSizes, microseconds).map { (bytes: Double($0), seconds: $1 * 1e-6) }
        let fit = try TransportRegimeFit.fit(samples, ranks: 2)
        #expect(fit.regimes.count == 3)
        // 64 MiB is priced within 10% by its regime; the one line through every size prices it over 25% fast.
        #expect(abs(fit.predictedSeconds(bytes: 67_108_864) / 15912.4e-6 - 1) < 0.1)
        let line = try LatencyBandwidthFit.fit(samples, ranks: 2)
        #expect(line.predictedSeconds(bytes: 67_108_864) / 15912.4e-6 - 1 < -0.25)
    }
}

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
        #expect(abs(fit.latencySeconds / alpha - 1) < 1e-9)
        #expect(abs(fit.bandwidthBytesPerSecond / beta - 1) < 1e-9)
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
        #expect(abs(fit.latencySeconds / alpha - 1) < 0.05, "latency \(fit.latencySeconds)")
        #expect(abs(fit.bandwidthBytesPerSecond / beta - 1) < 0.05, "bandwidth \(fit.bandwidthBytesPerSecond)")
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
}

import CostModel
import Distributed
import Foundation
import Testing
@testable import Validation

/// The reports of `gansim validate` and `gansim validate-distributed` held byte for byte (predictions and JSON keys)
/// for the built-in plans, with measurements made up by the test: `Fixtures/validation-cpu.json` and
/// `Fixtures/validation-mpi.json`.
@Suite struct ValidationReportGoldenTests {
    static func json(_ report: ValidationReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func cpuPlanReport() throws {
        let report = try Validator.validate(profile: DeviceCatalog.developmentVM, plan: Plans.validation, rounds: 2) { config in
            let model = try config.modelConfig.build()
            return MeasuredRun(stepSeconds: 1e-4 * Double(config.label.count), peakResidentBytes: (1 << 20) * config.label.count,
                               opTimings: [], parameters: (model.generator.parameterCount, model.discriminator.parameterCount))
        }
        #expect(try Self.json(report) == Self.fixture("validation-cpu.json"))
        let decoded = try JSONDecoder().decode(ValidationReport.self, from: Data(try Self.fixture("validation-cpu.json").utf8))
        #expect(try Self.json(decoded) == Self.json(report))
    }

    @Test func dataParallelPlanReport() throws {
        let transports = try [2, 4].map { n in
            let samples = CommBenchmark.defaultSizes.flatMap { size in
                ["ring", "mpi"].map { CommSample(algorithm: $0, bytes: size, seconds: LatencyBandwidthFit.predictedSeconds(
                    bytes: Double(size), ranks: n, latencySeconds: 3e-6 * Double(n),
                    bandwidthBytesPerSecond: $0 == "ring" ? 4e9 : 3e9), repetitions: 5) }
            }
            return try CommCalibration(ranks: n, hosts: Array(repeating: "test", count: n), samples: samples)
        }
        let machine = DistributedMachine(transports: transports, coRunning: [(2, 1), (2, 2), (4, 1)].map {
            CoRunningCalibration(ranks: $0, threadsPerRank: $1, runs: [], efficiency: 0.9 - 0.1 * Double($0 / 4),
                                 stepCoefficientOfVariation: 0.05, overlapSeconds: $0 == 4 ? 8e-3 : nil,
                                 rankSpeedCoefficientOfVariation: $1 == 1 ? 0.03 : nil)
        })
        var calls = 0
        let runs = try InterleavedRounds.measure(Plans.dataParallel, rounds: 2) { config in
            calls += 1
            let model = try config.modelConfig.build()
            let step = 1e-3 * Double(config.label.count) * (calls % 3 == 0 ? 1.5 : 1.0)
            let perRank = (0..<config.ranks).map { r in
                "{\"rank\": \(r), \"stepSeconds\": \(step), \"computeSeconds\": \(step * 0.7 + 1e-5 * Double(r)), "
                    + "\"communicationSeconds\": \(step * 0.2), \"waitSeconds\": \(step * 0.1 - 1e-5 * Double(r)), "
                    + "\"peakResidentBytes\": \(1 << 25)}"
            }.joined(separator: ",")
            let json = """
                {"model": "x", "architecture": "\(config.architecture.rawValue)", "resolution": 32, "width": 8, "dataset": "ring",
                 "steps": \(config.steps), "batch": \(config.batch), "threads": \(config.threads), "seed": 1,
                 "discriminatorSteps": 1, "accumulation": 1, "ema": false, "loss": "bce", "optimizer": "adam", "precision": "fp32",
                 "stepSeconds": \(step), "samplesPerSecond": 1, "peakResidentBytes": \(1 << 25),
                 "losses": {"discriminator": 1, "generator": 1}, "flopsPerStep": 1, "achievedGFLOPs": 1,
                 "generatorParameters": \(model.generator.parameterCount), "discriminatorParameters": \(model.discriminator.parameterCount),
                 "warmupSteps": 1, "totalSeconds": 1, "ranks": \(config.ranks), "allreduce": "\(config.dataParallel!.allreduce.rawValue)",
                 "bucketBytes": \(config.dataParallel!.bucketBytes), "batchPerRank": \(config.batch / config.ranks), "bucketsPerIteration": 2,
                 "bytesReducedPerIteration": 100, "communicationSeconds": \(step * 0.2), "waitSeconds": \(step * 0.1),
                 "exposedReductionSeconds": \(step * 0.15), "perRank": [\(perRank)]}
                """
            return MeasuredRun(dataParallel: try JSONDecoder().decode(DistributedTrainResult.self, from: Data(json.utf8)))
        }
        let report = try Validator.report(profile: DeviceCatalog.developmentVM, machine: machine, plan: Plans.dataParallel,
                                          models: Validator.models(Plans.dataParallel), runs: runs, measurement: nil)
        #expect(try Self.json(report) == Self.fixture("validation-mpi.json"))
        let decoded = try JSONDecoder().decode(ValidationReport.self, from: Data(try Self.fixture("validation-mpi.json").utf8))
        #expect(try Self.json(decoded) == Self.json(report))
    }
}

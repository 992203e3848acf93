import Distributed
import Foundation
import InputParsing
import Testing
import Validation

/// One description of a run, single process or MPI: its command line read back, its JSON in both key sets, its label.
@Suite struct RunConfigurationTests {
    static let every = Plans.fitSet + Plans.validation + Plans.dataParallel + [(2, 1), (2, 2), (4, 1)].flatMap { CoRunningCalibration.configurations(ranks: $0, threads: $1) }

    @Test func everyPlannedRunReadsBackFromItsCommandLine() throws {
        for c in Self.every {
            let args = c.arguments(out: "/tmp/run")
            let back = try RunConfiguration(arguments: args, ranks: c.ranks)
            #expect(back == c, "\(c.label)")
            #expect(back.arguments(out: "/tmp/run") == args)
        }
    }

    @Test func theCommandLineIsGansimTrains() {
        let cpu = RunConfiguration(.dcgan, resolution: 32, width: 24, batch: 64, threads: 2, discriminatorSteps: 2,
                                   accumulation: 3, latentDim: 50, steps: 5)
        #expect(cpu.arguments(out: "o") == ["train", "dcgan", "--batch", "64", "--threads", "2", "--steps", "5", "--warmup", "1",
                                            "--seed", "1", "--out", "o", "--json", "--resolution", "32", "--width", "24",
                                            "--ndisc", "2", "--accumulation", "3", "--latent", "50"])
        let mpi = RunConfiguration(.mlpGAN, width: 2048, batch: 64, steps: 8, dataParallel: .init(ranks: 2, bucketBytes: 4_000_000))
        #expect(mpi.arguments(out: "o") == ["train", "mlp-gan", "--batch", "64", "--threads", "1", "--steps", "8", "--warmup", "1",
                                            "--seed", "1", "--distributed", "--allreduce", "ring", "--bucket-mb", "4.0",
                                            "--out", "o", "--json", "--width", "2048"])
        #expect(mpi.trainOptions.batch == 32)
        #expect(mpi.singleRank == RunConfiguration(.mlpGAN, width: 2048, batch: 32, steps: 8))
    }

    @Test func anyBucketSizeReadsBackToTheByte() throws {
        for bytes in [1, 1009, 999_999, 4_000_000, 25_000_000, 123_456_789, 7_999_999_999] {
            let run = RunConfiguration(.mlpGAN, width: 64, batch: 64, steps: 8, dataParallel: .init(ranks: 2, bucketBytes: bytes))
            let back = try RunConfiguration(arguments: run.arguments(out: "o"), ranks: 2)
            #expect(back.dataParallel?.bucketBytes == bytes)
        }
        #expect(BucketSize.bytes(megabytes: 8000) == nil)
        #expect(BucketSize.bytes(megabytes: 0) == nil)
        #expect(BucketSize.bytes(megabytes: -1) == nil)
    }

    @Test func aCommandLineOfAnotherRunIsRefused() {
        let base = ["train", "mlp-gan", "--batch", "64", "--steps", "8", "--warmup", "1", "--seed", "1"]
        #expect(throws: ConfigurationError.self) { try RunConfiguration(arguments: base + ["--dataset", "ring"]) }
        #expect(throws: ConfigurationError.self) { try RunConfiguration(arguments: ["train", "mlp-gan", "--batch", "64", "--steps", "8"]) }
        #expect(throws: ConfigurationError.self) { try RunConfiguration(arguments: base + ["--allreduce", "mpi"]) }
        #expect(throws: ConfigurationError.self) { try RunConfiguration(arguments: base + ["--batch"]) }
        #expect(throws: ConfigurationError.self) { try RunConfiguration(arguments: base + ["--distributed", "--bucket-mb", "1e300"], ranks: 2) }
        #expect(throws: ConfigurationError.self) { try RunConfiguration(arguments: base + ["--distributed", "--bucket-mb", "nan"], ranks: 2) }
        #expect(throws: ConfigurationError.self) { try RunConfiguration(arguments: ["simulate", "x.yaml"]) }
    }

    @Test func labelsNameTheRun() {
        #expect(Plans.validation[2].label == "dcgan-32 w24 b64 t2 nd2")
        #expect(Plans.dataParallel[4].label == "mlp-gan w2048 b64 np2 t1 ring 4MB")
        #expect(Plans.dataParallel[5].label == "mlp-gan w2048 b64 np2 t1 mpi 25MB")
    }

    @Test func jsonKeepsTheKeysOfEachKindAndReadsThemBack() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for c in Self.every {
            let data = try encoder.encode(c)
            #expect(try JSONDecoder().decode(RunConfiguration.self, from: data) == c)
        }
        #expect(String(decoding: try encoder.encode(Plans.validation[8]), as: UTF8.self)
            == #"{"architecture":"mlp-gan","batch":64,"discriminatorSteps":3,"latentDim":4,"steps":20,"threads":2,"width":128}"#)
        #expect(String(decoding: try encoder.encode(Plans.dataParallel[5]), as: UTF8.self)
            == #"{"allreduce":"mpi","architecture":"mlp-gan","batch":64,"bucketBytes":25000000,"ranks":2,"steps":8,"threadsPerRank":1,"width":2048}"#)
    }
}

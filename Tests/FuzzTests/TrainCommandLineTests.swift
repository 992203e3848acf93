import Foundation
import Testing
import TestSupport
import Validation
@testable import GansimCLI

/// `gansim train` reads the command line of every planned run (`RunConfiguration.arguments(out:)`) as the run it
/// describes: the codec writes the command's own flags.
@Suite struct TrainCommandLineTests {
    @Test func trainParsesEveryPlannedRunAsItsOptions() throws {
        let out = TestScratch.folder("train-command-line")
        for config in Plans.fitSet + Plans.validation + Plans.dataParallel {
            let command = try #require(try Gansim.parseAsRoot(config.arguments(out: out)) as? TrainCommand, "\(config.label)")
            var (options, folder) = try command.checkedOptions()
            #expect(folder == out)
            #expect(command.distributed == (config.dataParallel != nil))
            if let parallel = config.dataParallel {
                let runner = try DistributedTrainRunner(command)
                #expect(runner.algorithm == parallel.allreduce && runner.bucketBytes == parallel.bucketBytes, "\(config.label)")
                options.batch = options.batch.map { $0 / parallel.ranks }
            }
            let expected = config.trainOptions
            #expect(options.architecture == expected.architecture && options.resolution == expected.resolution
                && options.width == expected.width && options.latentDim == expected.latentDim && options.batch == expected.batch
                && options.steps == expected.steps && options.threads == expected.threads
                && options.discriminatorSteps == expected.discriminatorSteps && options.accumulation == expected.accumulation
                && options.warmupSteps == expected.warmupSteps && options.seed == expected.seed, "\(config.label)")
        }
    }
}

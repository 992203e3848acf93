import CostModel
import Workload
import RealRunner
import Testing
import Validation

/// What a real run is compared with: the same model, its median over interleaved rounds.
@Suite struct RunMeasurementTests {
    @Test func everyPlannedRunPredictsTheModelTheTrainerBuilds() throws {
        for c in Plans.fitSet + Plans.validation + Plans.dataParallel {
            let predicted = try c.modelConfig.build()
            let trained = try Trainer(c.trainOptions).model
            #expect(predicted.generator.parameterCount == trained.generator.parameterCount, "\(c.label)")
            #expect(predicted.discriminator.parameterCount == trained.discriminator.parameterCount, "\(c.label)")
        }
    }

    @Test func aRunOfAnotherModelIsRefusedByName() throws {
        let config = Plans.validation.first { $0.architecture == .mlpGAN }!
        var latent256 = config
        latent256.latentDim = 256
        let other = try latent256.modelConfig.build()
        let plan = [config]
        let error = #expect(throws: ModelMismatch.self) {
            try Validator.validate(profile: DeviceCatalog.developmentVM, plan: plan) { _ in
                MeasuredRun(stepSeconds: 1e-3, peakResidentBytes: 1 << 25, opTimings: [],
                            parameters: (other.generator.parameterCount, other.discriminator.parameterCount))
            }
        }
        #expect(error?.description.contains(config.label) == true)
        #expect(throws: ModelMismatch.self) {
            try RunnerCalibration.calibrate(base: DeviceCatalog.developmentVM, fitSet: plan) { _ in
                MeasuredRun(stepSeconds: 1e-3, peakResidentBytes: 1 << 25, opTimings: [],
                            parameters: (other.generator.parameterCount, other.discriminator.parameterCount))
            }
        }
    }

    @Test func roundsAreInterleavedAndTheFastestRunIsKept() throws {
        let plan = Array(Plans.validation.prefix(2))
        var order: [String] = []
        // Step times by run: plan[0] runs 1st, 3rd, 5th; plan[1] 2nd, 4th, 6th.
        var steps = [5.0, 7.0, 3.0, 9.0, 4.0, 8.0]
        let runs = try InterleavedRounds.measure(plan, rounds: 3) { config in
            order.append(config.label)
            let k = order.count
            let op = TimingSample(opClass: .matmul, kind: "linear", flops: 100, bytes: 10, precision: .fp32,
                                  seconds: Double(k))
            return MeasuredRun(stepSeconds: steps.removeFirst(), peakResidentBytes: 100 * k, opTimings: [op],
                               untimedSeconds: Double(k) / 10)
        }
        #expect(order == [plan[0].label, plan[1].label, plan[0].label, plan[1].label, plan[0].label, plan[1].label])
        // The fastest run is kept whole: its ops, memory and time outside the ops.
        #expect(runs[0].stepSeconds == 3 && runs[0].peakResidentBytes == 300 && runs[0].untimedSeconds == 0.3)
        #expect(runs[0].opTimings[0].seconds == 3)
        #expect(runs[1].stepSeconds == 7 && runs[1].peakResidentBytes == 200 && runs[1].untimedSeconds == 0.2)
        #expect(runs[1].opTimings[0].seconds == 2)
    }
}

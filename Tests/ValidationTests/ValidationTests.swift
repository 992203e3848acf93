import CostModel
import TestSupport
import Workload
import Testing
import Validation

/// Plans, error arithmetic and the scatter plot, with measurements supplied by the test.
@Suite struct ValidationTests {
    @Test func validationPlanIsDisjointFromTheFitSet() {
        #expect(Plans.validation.count >= 12)
        #expect(Set(Plans.validation).isDisjoint(with: Set(Plans.fitSet)))
        #expect(Set(Plans.validation.map(\.threads)) == [1, 2])
        #expect(Set(Plans.validation.map(\.architecture)) == [.mlpGAN, .dcgan, .resnetGAN])
        #expect(Plans.validation.contains { ($0.discriminatorSteps ?? 1) > 1 })
        #expect(Plans.validation.contains { ($0.accumulation ?? 1) > 1 })
        // Every configuration builds.
        for c in Plans.validation + Plans.fitSet { #expect(throws: Never.self) { try c.modelConfig.build() } }
    }

    @Test func errorsAndSummaryArithmetic() throws {
        let plan = Array(Plans.validation.prefix(3))
        let profile = DeviceCatalog.developmentVM
        // Measure exactly 1.25x the prediction and 0.8x the predicted memory.
        let report = try Validator.validate(profile: profile, plan: plan) { config in
            let model = try config.modelConfig.build()
            let device = profile.restricted(toThreads: config.threads)
            let t = try IterationEstimator(model: model, recipe: config.recipe, device: device).estimate().seconds
            let m = MemoryModel(model: model, recipe: config.recipe, device: device).breakdown().totalBytes
            return MeasuredRun(stepSeconds: t * 1.25, peakResidentBytes: Int(Double(m) / 0.8), opTimings: [])
        }
        #expect(report.configurations.count == 3)
        #expect(report.measurement == "median step of the fastest of 1 interleaved real CPU run")
        for c in report.configurations { #expect(isClose(c.stepTimeError, 1 / 1.25 - 1, absolute: 1e-9)) }
        #expect(isClose(report.summary.stepTimeMAPE, 0.2, absolute: 1e-9))
        #expect(isClose(report.summary.stepTimeMaxError, 0.2, absolute: 1e-9))
        #expect(isClose(try #require(report.summary.memoryMAPE), 0.2, absolute: 1e-6))
    }

    @Test func calibratedValidationInterleavesTheFitSetWithThePlanAndFitsOnlyTheFitSet() throws {
        let base = DeviceCatalog.developmentVM
        let fitSet = Array(Plans.fitSet.prefix(2)), plan = Array(Plans.validation.prefix(2))
        var order: [RunConfiguration] = []
        // Fit-set steps 3 ms above the op model; plan steps 10 ms above it: a fit that saw
        // the plan's runs would not recover 3 ms.
        let (calibration, report) = try CalibratedValidation.run(
            base: base, fitSet: fitSet, plan: plan, rounds: 2
        ) { config in
            order.append(config)
            let model = try config.modelConfig.build()
            let device = base.restricted(toThreads: config.threads)
            let t = try IterationEstimator(model: model, recipe: config.recipe, device: device).estimate().seconds
            let m = MemoryModel(model: model, recipe: config.recipe, device: device).breakdown().totalBytes
            return MeasuredRun(stepSeconds: t + (fitSet.contains(config) ? 0.003 : 0.010), peakResidentBytes: m,
                               opTimings: [])
        }
        #expect(order == fitSet + plan + fitSet + plan)
        #expect(isClose(calibration.profile.iterationOverheadSeconds ?? 0, 0.003, absolute: 1e-9))
        #expect(report.configurations.map(\.label) == plan.map(\.label))
        #expect(report.measurement == "median step of the fastest of 2 real CPU runs, interleaved with the calibration's")
        // Predicted on the fitted profile: the plan's steps are 7 ms slower than predicted.
        for c in report.configurations { #expect(isClose(c.measuredStepSeconds - c.predictedStepSeconds, 0.007, absolute: 1e-9)) }
    }

    @Test func calibrationRecoversTheIterationOverhead() throws {
        let base = DeviceCatalog.developmentVM
        // Steps measured 3 ms slower than the ops predict; processes 50 MiB above the model.
        let result = try RunnerCalibration.calibrate(base: base, fitSet: Array(Plans.fitSet.prefix(3))) { config in
            let model = try config.modelConfig.build()
            let device = base.restricted(toThreads: config.threads)
            let t = try IterationEstimator(model: model, recipe: config.recipe, device: device).estimate().seconds
            var b = MemoryModel(model: model, recipe: config.recipe, device: device).breakdown()
            b.runtimeBytes = 50 << 20
            return MeasuredRun(stepSeconds: t + 0.003, peakResidentBytes: b.totalBytes, opTimings: [])
        }
        #expect(isClose(result.profile.iterationOverheadSeconds ?? 0, 0.003, absolute: 1e-9))
        #expect(result.profile.runtimeOverheadBytes == 50 << 20)
    }

    @Test func calibrationSeparatesOneDNNsResidentMemory() throws {
        let base = DeviceCatalog.developmentVM
        // Processes 50 MiB above the model, and 6 MiB more where the model has convolutions.
        var kinds: Set<Bool> = []
        let result = try RunnerCalibration.calibrate(base: base, fitSet: Plans.fitSet) { config in
            let model = try config.modelConfig.build()
            let device = base.restricted(toThreads: config.threads)
            let convolutions = MemoryModel.hasConvolutions(model)
            kinds.insert(convolutions)
            var b = MemoryModel(model: model, recipe: config.recipe, device: device).breakdown()
            b.runtimeBytes = (50 << 20) + (convolutions ? 6 << 20 : 0)
            return MeasuredRun(stepSeconds: 0.01, peakResidentBytes: b.totalBytes, opTimings: [])
        }
        #expect(kinds == [true, false])
        #expect(result.profile.runtimeOverheadBytes == 50 << 20)
        #expect(result.profile.convolutionRuntimeBytes == 6 << 20)
    }

    @Test func timeOutsideTheOpsIsAFixedPartPlusAPartPerInputElement() throws {
        let base = DeviceCatalog.developmentVM
        // 0.4 ms per iteration plus 60 ns per element of real data; one run disturbed by +30 ms.
        var disturbed = true
        let result = try RunnerCalibration.calibrate(base: base, fitSet: Array(Plans.fitSet.prefix(5))) { config in
            let model = try config.modelConfig.build()
            let estimator = try IterationEstimator(model: model, recipe: config.recipe,
                                                  device: base.restricted(toThreads: config.threads))
            let extra = disturbed ? 0.03 : 0
            disturbed = false
            let t = estimator.estimate().seconds + 0.4e-3 + 60e-9 * Double(estimator.inputElementsPerIteration) + extra
            return MeasuredRun(stepSeconds: t, peakResidentBytes: 1 << 26, opTimings: [])
        }
        #expect(isClose(result.profile.iterationOverheadSeconds ?? 0, 0.4e-3, relative: 1e-6))
        #expect(isClose(result.profile.inputSecondsPerElement ?? 0, 60e-9, relative: 1e-6))
        // The estimator adds both to the iteration.
        let config = Plans.validation[0]
        let model = try config.modelConfig.build()
        let plain = try IterationEstimator(model: model, recipe: config.recipe, device: base).estimate().seconds
        var calibrated = base
        calibrated.iterationOverheadSeconds = 0.4e-3
        calibrated.inputSecondsPerElement = 60e-9
        let estimator = try IterationEstimator(model: model, recipe: config.recipe, device: calibrated)
        #expect(isClose(estimator.estimate().seconds - plain - 0.4e-3, 60e-9 * Double(estimator.inputElementsPerIteration), absolute: 1e-12))
        #expect(estimator.inputElementsPerIteration == 16 * 3 * 32 * 32)
    }

    @Test func measuredTimeOutsideTheOpsIsFittedInsteadOfTheStepGap() throws {
        let base = DeviceCatalog.developmentVM
        // Steps far off the op model (x3), but 1 ms + 20 ns per input element measured outside the ops.
        let result = try RunnerCalibration.calibrate(base: base, fitSet: Array(Plans.fitSet.prefix(4))) { config in
            let model = try config.modelConfig.build()
            let estimator = try IterationEstimator(model: model, recipe: config.recipe,
                                                  device: base.restricted(toThreads: config.threads))
            let untimed = 1e-3 + 20e-9 * Double(estimator.inputElementsPerIteration)
            return MeasuredRun(stepSeconds: 3 * estimator.estimate().seconds + untimed, peakResidentBytes: 1 << 26,
                               opTimings: [], untimedSeconds: untimed)
        }
        #expect(isClose(result.profile.iterationOverheadSeconds ?? 0, 1e-3, relative: 1e-6))
        #expect(isClose(result.profile.inputSecondsPerElement ?? 0, 20e-9, relative: 1e-6))
    }
}

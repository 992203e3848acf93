import CostModel
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
        let profile = DeviceCatalog.cpu
        // Measure exactly 1.25x the prediction and 0.8x the predicted memory.
        let report = try Validator.validate(profile: profile, plan: plan) { config in
            let model = try config.modelConfig.build()
            let device = profile.restricted(toThreads: config.threads)
            let t = try AnalyticEstimator(model: model, recipe: config.recipe, device: device).estimate().seconds
            let m = MemoryModel(model: model, recipe: config.recipe, device: device).breakdown().totalBytes
            return MeasuredRun(stepSeconds: t * 1.25, peakResidentBytes: Int(Double(m) / 0.8), opTimings: [])
        }
        #expect(report.configurations.count == 3)
        for c in report.configurations { #expect(abs(c.stepTimeError - (1 / 1.25 - 1)) < 1e-9) }
        #expect(abs(report.summary.stepTimeMAPE - 0.2) < 1e-9)
        #expect(abs(report.summary.stepTimeMaxError - 0.2) < 1e-9)
        #expect(abs(report.summary.memoryMAPE - 0.2) < 1e-6)
        let svg = ScatterPlot.svg(report)
        #expect(svg.hasPrefix("<svg") && svg.contains("</svg>"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)
    }

    @Test func calibrationRecoversTheIterationOverhead() throws {
        let base = DeviceCatalog.cpu
        // Steps measured 3 ms slower than the ops predict; processes 50 MiB above the model.
        let result = try RunnerCalibration.calibrate(base: base, fitSet: Array(Plans.fitSet.prefix(3))) { config in
            let model = try config.modelConfig.build()
            let device = base.restricted(toThreads: config.threads)
            let t = try AnalyticEstimator(model: model, recipe: config.recipe, device: device).estimate().seconds
            var b = MemoryModel(model: model, recipe: config.recipe, device: device).breakdown()
            b.runtimeBytes = 50 << 20
            return MeasuredRun(stepSeconds: t + 0.003, peakResidentBytes: b.totalBytes, opTimings: [])
        }
        #expect(abs((result.profile.iterationOverheadSeconds ?? 0) - 0.003) < 1e-9)
        #expect(result.profile.runtimeOverheadBytes == 50 << 20)
    }
}

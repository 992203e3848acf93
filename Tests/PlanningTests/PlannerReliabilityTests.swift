import CostModel
import Simulator
import TestSupport
import Testing
import Workload
@testable import Planning

/// The planner holds candidates to their expected time and cost with failures.
@Suite struct PlannerReliabilityTests {
    private func fastest(failuresPerDeviceHour: Double) throws -> PlanChoice {
        var request = PlanRequest(model: ModelConfig(architecture: .dcgan, resolution: 64), length: .iterations(2_000_000), globalBatch: 256)
        request.families = [ClusterFamily(device: "v100-32gb", topology: .dgx1, fabrics: [.edr], devicesPerServer: 8, mixedPrecision: .fp16)]
        request.maximumDevices = 256
        request.simulatedIterations = 2
        request.reliability.rates = FailureRates(perDeviceHour: failuresPerDeviceHour, perServerHour: 0, perSwitchHour: 0)
        return try #require(try Planner().plan(request).plan.fastestWithinBudget)
    }

    @Test func failuresMakeTheFastestPlanUseFewerDevices() throws {
        let reliable = try fastest(failuresPerDeviceHour: 0)
        let failing = try fastest(failuresPerDeviceHour: 0.05)
        #expect(reliable.goodput > 0.999)
        #expect(failing.goodput < reliable.goodput)
        #expect(failing.devices < reliable.devices)
        // The choice is held to its expected time: the failure-free time over its goodput.
        #expect(isClose(failing.trainingSeconds * failing.goodput, failing.usefulSeconds, absolute: 1e-6 * failing.trainingSeconds))
    }

    @Test func theSpecSurvivesTheScenarioInput() throws {
        var spec = ReliabilitySpec()
        spec.rates.perSwitchHour = 1e-5
        spec.interval = .seconds(5400)
        spec.mode = .async
        spec.storageBytesPerSecond = 2.5e9
        var input = try ScenarioInput(yaml: "model: {architecture: dcgan}\ncluster: {topology: dgx-a100, devices: 8}\n")
        input.reliability = ScenarioInput.Reliability(spec)
        #expect(try TrainingScenario(input: input, defaultName: "s").plan.reliability == spec)
        input.reliability = ScenarioInput.Reliability(ReliabilitySpec())
        #expect(try TrainingScenario(input: input, defaultName: "s").plan.reliability == ReliabilitySpec())
    }
}

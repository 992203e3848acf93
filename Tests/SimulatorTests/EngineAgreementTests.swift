import CostModel
import TestSupport
import Workload
import Testing
@testable import Simulator

/// The training schedule's two communication engines: the event-driven flow network and the closed form agree when no
/// link is shared and jitter is off, and the flow network is slower when links are shared.
@Suite struct EngineAgreementTests {
    /// BigGAN-128 on A100s joined by a ring: no link is ever shared by two flows. A process per device (the compiled
    /// implementation), since nn.DataParallel's replication from one device shares the ring's links by design.
    static let ringScenario = """
        name: ring
        model: {architecture: biggan, resolution: 128}
        recipe: {batchPerDevice: 32, discriminatorSteps: 2, accumulation: 1, implementation: compiled}
        cluster: {topology: ring, devices: 8, device: a100-80gb, bandwidth: 25GB/s, latency: 2us}
        training: {iterations: 10000}
        simulate: {iterations: 3}
        """

    private func expectAgreement(_ scenario: TrainingScenario, _ label: String) throws {
        let analytic = try scenario.estimate(cache: ScenarioCache())
        let event = try scenario.simulate()
        let scale = event.iterationSeconds
        #expect(isClose(analytic.iterationSeconds, event.iterationSeconds, absolute: 1e-9 * scale), "\(label)")
        #expect(isClose(analytic.breakdown.exposedCommunicationSeconds, event.breakdown.exposedCommunicationSeconds, absolute: 1e-9 * scale), "\(label)")
        #expect(isClose(analytic.breakdown.idleSeconds, event.breakdown.idleSeconds, absolute: 1e-9 * scale), "\(label)")
        #expect(isClose(analytic.energy.totalKWh, event.energy.totalKWh, relative: 1e-9), "\(label)")
        #expect(isClose(analytic.cost.totalUSD, event.cost.totalUSD, relative: 1e-9), "\(label)")
        #expect(analytic.bucketsPerIteration == event.bucketsPerIteration, "\(label)")
    }

    @Test(arguments: [1, 2, 8]) func estimatorEqualsEventSimulationWithoutContention(devices: Int) throws {
        var scenario = try TrainingScenario(yaml: Self.ringScenario, defaultName: "ring")
        scenario.plan.devices = devices
        try expectAgreement(scenario, "\(devices) devices")
    }

    @Test(arguments: [2, 8]) func estimatorPacesDevicesOfDifferentSpeedsAsTheSlowest(devices: Int) throws {
        // The event simulation's devices keep their speeds for the run; the estimate's one device runs at the slowest's
        // and books the others' waiting for it.
        var scenario = try TrainingScenario(yaml: Self.ringScenario + "\njitter: {deviceCv: 0.03}\n", defaultName: "spread")
        scenario.plan.devices = devices
        try expectAgreement(scenario, "\(devices) devices of different speeds")
        var even = try TrainingScenario(yaml: Self.ringScenario, defaultName: "even")
        even.plan.devices = devices
        let spread = try scenario.estimate(cache: ScenarioCache())
        let evenSeconds = try even.estimate(cache: ScenarioCache()).iterationSeconds
        #expect(spread.iterationSeconds > evenSeconds)
        #expect(spread.breakdown.idleSeconds > 0)
    }

    @Test func splitScheduleEqualsItsAnalyticEngineWithoutContention() throws {
        // G on one device, D on one: the fakes and image gradients cross the only link, and neither group has peers.
        var yaml = Self.ringScenario.replacingOccurrences(of: "devices: 8", with: "devices: 2")
        yaml += "\nmode:\n  generatorDevices: 1\n"
        let scenario = try TrainingScenario(yaml: yaml, defaultName: "split")
        try expectAgreement(scenario, "split 1+1")
        let analytic = try scenario.estimate(cache: ScenarioCache())
        #expect(analytic.breakdown.exposedCommunicationSeconds > 0)
        #expect(analytic.mode.contains("G on 1 and D on 1"))
    }

    @Test func eventSimulationIsSlowerWhenLinksAreShared() throws {
        // A parameter server behind one switch port: every worker's flow shares the server's link.
        let yaml = """
            model: {architecture: biggan, resolution: 128}
            recipe: {batchPerDevice: 16, accumulation: 1}
            cluster: {topology: switch, devices: 8, device: a100-80gb, bandwidth: 25GB/s, latency: 2us}
            communication: {algorithm: parameter-server}
            simulate: {iterations: 2}
            """
        let scenario = try TrainingScenario(yaml: yaml, defaultName: "shared")
        let analytic = try scenario.estimate(cache: ScenarioCache())
        let event = try scenario.simulate()
        #expect(event.iterationSeconds > analytic.iterationSeconds * 1.05)
    }

    @Test func dataParallelReplicationWaitsForTheFirstDevicesLinks() throws {
        // BigGAN-PyTorch's nn.DataParallel on a DGX-1: every forward call copies the parameters from the first GPU,
        // whose NVLinks reach four of the seven others directly; the others share links, which only flows see.
        let yaml = """
            model: {architecture: biggan, resolution: 128}
            recipe: {batchPerDevice: 32, accumulation: 2}
            cluster: {topology: dgx1-v100, devices: 8}
            simulate: {iterations: 2}
            """
        let scenario = try TrainingScenario(yaml: yaml, defaultName: "dp")
        let analytic = try scenario.estimate(cache: ScenarioCache())
        let event = try scenario.simulate()
        #expect(analytic.breakdown.exposedCommunicationSeconds > 0)
        #expect(event.breakdown.exposedCommunicationSeconds > analytic.breakdown.exposedCommunicationSeconds)
        // The compiled implementation (a process per device) replicates nothing.
        let compiled = try TrainingScenario(yaml: yaml.replacingOccurrences(of: "accumulation: 2", with: "accumulation: 2, implementation: compiled"),
                                            defaultName: "ddp").estimate(cache: ScenarioCache())
        #expect(compiled.breakdown.exposedCommunicationSeconds < analytic.breakdown.exposedCommunicationSeconds)
    }
}

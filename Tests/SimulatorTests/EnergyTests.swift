import CostModel
import TestSupport
import Workload
import Testing
@testable import Simulator

/// Energy by device state, infrastructure power, PUE and cost.
@Suite struct EnergyTests {
    private func run(bandwidth: Double, pue: Double = PowerSpec.defaultPUE, price: PriceSpec = PriceSpec()) throws -> TrainingResult {
        let model = try ModelConfig(architecture: .dcgan, resolution: 64).build()
        let topology = Topologies.ring(devices: 8, link: LinkSpec(kind: .generic, bandwidthBytesPerSecond: bandwidth, latencySeconds: 5e-6))
        var plan = TrainingPlan(
            model: model, recipe: TrainingRecipe(batchPerDevice: 16, discriminatorSteps: 2), device: DeviceCatalog.v100_32gb,
            topology: topology, devices: 8, algorithm: .ring, bucketBytes: 2e6,
            data: DataPipelineSpec(storageBytesPerSecond: 100e9, encodedBytesPerSample: 110e3, decodeSamplesPerSecondPerCore: 1e5),
            iterations: 4)
        plan.power.pue = pue
        plan.price = price
        return try TrainingSimulation(plan: plan).run(name: "energy", totalIterations: 1000)
    }

    @Test func deviceEnergyIsPowerTimesTimePerState() {
        // V100: 40 W idle, 300 W busy. 2 s computing at activity 0.5 (170 W), 1 s communicating at 0.15 (79 W), 3 s waiting (40 W).
        let joules = EnergyModel.deviceJoules(
            device: DeviceCatalog.v100_32gb, computeSeconds: 2, activitySeconds: 1, communicationSeconds: 1, waitingSeconds: 3,
            communicatingActivity: 0.15)
        #expect(isClose(joules, 170 * 2 + 79 * 1 + 40 * 3 as Double, absolute: 1e-9))
    }

    @Test func simulatedEnergyAddsUpItsParts() throws {
        let result = try run(bandwidth: 100e9)
        let e = result.energy
        #expect(isClose(e.joulesPerIteration, e.pue * (e.deviceJoulesPerIteration + e.hostJoulesPerIteration + e.networkJoulesPerIteration), absolute: 1e-9 * e.joulesPerIteration))
        #expect(isClose(e.totalKWh, e.joulesPerIteration * 1000 / 3.6e6, absolute: 1e-12))
        #expect(isClose(e.co2Kg, e.totalKWh * 0.48, absolute: 1e-12))
        // Busy devices draw between idle and TDP.
        let t = result.iterationSeconds
        #expect(e.deviceJoulesPerIteration > 8 * 40 * t * 0.999)
        #expect(e.deviceJoulesPerIteration < 8 * 300 * t)
        // Host power on a parametric ring, which no server figure covers: the assumed 100 W per device.
        #expect(isClose(e.hostJoulesPerIteration, 8 * PowerSpec.assumedHostWatts * t, absolute: 1e-9 * e.hostJoulesPerIteration))
    }

    @Test func devicesWaitingOnASlowLinkStillDrawIdlePower() throws {
        let fast = try run(bandwidth: 100e9)
        let slow = try run(bandwidth: 1e9)
        let extraSeconds = slow.iterationSeconds - fast.iterationSeconds
        #expect(extraSeconds > 0.1 * fast.iterationSeconds)
        #expect(slow.breakdown.exposedCommunicationSeconds > fast.breakdown.exposedCommunicationSeconds)
        // Every extra second of the iteration costs each device at least its idle power.
        let extraDeviceJoules = slow.energy.deviceJoulesPerIteration - fast.energy.deviceJoulesPerIteration
        #expect(extraDeviceJoules >= 8 * 40 * extraSeconds * 0.999)
        #expect(slow.energy.totalKWh > fast.energy.totalKWh)
    }

    @Test func doublingPUEDoublesFacilityEnergy() throws {
        let one = try run(bandwidth: 10e9, pue: 1.2)
        let two = try run(bandwidth: 10e9, pue: 2.4)
        #expect(isClose(two.energy.joulesPerIteration / one.energy.joulesPerIteration, 2, absolute: 1e-12))
        #expect(isClose(two.energy.totalKWh / one.energy.totalKWh, 2, absolute: 1e-12))
        #expect(isClose(two.energy.co2Kg / one.energy.co2Kg, 2, absolute: 1e-12))
        #expect(two.iterationSeconds == one.iterationSeconds)
    }

    @Test func cloudPaysHoursAndOwnedPaysEnergy() throws {
        let cloud = try run(bandwidth: 10e9)
        let hours = cloud.training.wallSeconds / 3600
        #expect(isClose(cloud.cost.totalUSD, 8 * DeviceCatalog.v100_32gb.usdPerHour * hours, absolute: 1e-9 * cloud.cost.totalUSD))
        #expect(cloud.cost.energyUSD == 0)
        let owned = try run(bandwidth: 10e9, price: PriceSpec(owned: true, usdPerKWh: 0.1))
        #expect(isClose(owned.cost.totalUSD, owned.energy.totalKWh * 0.1, absolute: 1e-12))
        let spot = try run(bandwidth: 10e9, price: PriceSpec(usdPerDeviceHour: 1))
        #expect(isClose(spot.cost.totalUSD, 8 * hours, absolute: 1e-9))
        #expect(isClose(spot.cost.usdPerIteration * 1000, spot.cost.totalUSD, absolute: 1e-9))
    }
}

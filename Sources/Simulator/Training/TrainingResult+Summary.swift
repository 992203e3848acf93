import CostModel
import Workload

/// Turning simulated iterations into the run's summary: steady-state means, memory, energy and cost.
extension TrainingResult {
    /// The summary of simulated iterations `records` of `plan`, extrapolated to `totalIterations`.
    ///
    /// `singleDeviceSeconds` holds, per iteration, what one device alone would take. The
    /// first iteration (which fills the pipeline) is left out when there are more.
    /// `memory` skips the memory model when the caller knows it.
    init(
        plan: TrainingPlan, name: String, totalIterations: Int, records: [IterationRecord], singleDeviceSeconds: [Double],
        bucketsPerIteration: Int, events: Int, flows: Int, memory: MemoryBreakdown? = nil
    ) {
        // Steady state: every iteration after the first (the first fills the pipeline).
        let steady = IterationRecord.steady(records)
        let count = Double(steady.count)
        func mean(_ value: (IterationRecord) -> Double) -> Double { steady.reduce(0) { $0 + value($1) } / count }
        let iterationSeconds = mean { $0.endSeconds - $0.startSeconds }
        let single = (records.count > 1 ? Array(singleDeviceSeconds.dropFirst()) : singleDeviceSeconds).reduce(0, +) / count
        // Devices that train D on their own batch: all of them, or the D group when G and D are split.
        let batchDevices = plan.devices - (plan.generatorDevices ?? 0)
        let samplesPerIteration = Double(plan.recipe.batchPerDevice * plan.recipe.accumulation * batchDevices)
        let memory = memory ?? MemoryModel(model: plan.model, recipe: plan.recipe, device: plan.device).breakdown()
        let peak = memory.totalBytes
        let wallSeconds = iterationSeconds * Double(totalIterations)
        let (energy, cost) = Self.energyAndCost(
            plan: plan, iterationSeconds: iterationSeconds, computeSeconds: mean(\.computeSeconds),
            activitySeconds: mean(\.computeActivitySeconds),
            communicationSeconds: mean(\.exposedCommunicationSeconds), waitingSeconds: mean { $0.dataStallSeconds + $0.idleSeconds },
            totalIterations: totalIterations)
        var mode: String
        switch plan.mode {
        case .synchronous: mode = "synchronous"
        case .asynchronous(let staleness): mode = "asynchronous(staleness \(staleness))"
        }
        if let generatorDevices = plan.generatorDevices {
            mode += ", G on \(generatorDevices) and D on \(plan.devices - generatorDevices) devices"
        }
        let validated = plan.device.validatedError(for: plan.model.config.architecture, recipe: plan.recipe)
        self.init(
            name: name, devices: plan.devices, topology: plan.topology.name, device: plan.device.name, algorithm: plan.algorithm,
            alternativeAlgorithm: plan.alternativeAlgorithm, mode: mode, iterationSeconds: iterationSeconds,
            iterationSecondsInterval: validated?.interval(seconds: iterationSeconds), iterationSecondsBasis: validated?.basis,
            samplesPerSecond: samplesPerIteration / iterationSeconds,
            breakdown: TrainingResult.Breakdown(
                computeSeconds: mean(\.computeSeconds), exposedCommunicationSeconds: mean(\.exposedCommunicationSeconds),
                dataStallSeconds: mean(\.dataStallSeconds), idleSeconds: mean(\.idleSeconds)),
            singleDeviceIterationSeconds: single,
            scalingEfficiency: single * Double(batchDevices) / (iterationSeconds * Double(plan.devices)),
            memory: TrainingResult.Memory(
                peakBytesPerDevice: peak, liveTensorBytesPerDevice: memory.liveTensorBytes, reservedBytesPerDevice: memory.reservedBytes,
                capacityBytesPerDevice: plan.device.memoryBytes, fits: peak <= plan.device.memoryBytes),
            training: TrainingResult.Training(
                iterations: totalIterations, wallSeconds: wallSeconds, simulatedIterations: records.count,
                wallHours: wallSeconds / 3600, wallDays: wallSeconds / 86400),
            energy: energy, cost: cost,
            bucketsPerIteration: bucketsPerIteration, events: events, flows: flows,
            seed: plan.seed)
    }

    /// Energy and cost of a steady-state iteration whose per-device state times (means over devices) are given, and of the run.
    static func energyAndCost(
        plan: TrainingPlan, iterationSeconds: Double, computeSeconds: Double, activitySeconds: Double, communicationSeconds: Double,
        waitingSeconds: Double, totalIterations: Int
    ) -> (TrainingResult.Energy, TrainingResult.Cost) {
        let n = Double(plan.devices)
        let power = plan.power
        let deviceJoules = n * EnergyModel.deviceJoules(
            device: plan.device, computeSeconds: computeSeconds, activitySeconds: activitySeconds,
            communicationSeconds: communicationSeconds, waitingSeconds: waitingSeconds, communicatingActivity: power.communicatingActivity)
        let (hostWatts, networkWatts) = EnergyModel.infrastructureWatts(topology: plan.topology, devices: plan.devices, power: power)
        let itJoules = deviceJoules + (hostWatts + networkWatts) * iterationSeconds
        let joulesPerIteration = itJoules * power.pue
        let totalKWh = joulesPerIteration * Double(totalIterations) / 3.6e6
        let energy = TrainingResult.Energy(
            joulesPerIteration: joulesPerIteration, totalKWh: totalKWh, co2Kg: totalKWh * power.gramsCO2PerKWh / 1000,
            deviceJoulesPerIteration: deviceJoules, hostJoulesPerIteration: hostWatts * iterationSeconds,
            networkJoulesPerIteration: networkWatts * iterationSeconds, pue: power.pue, gramsCO2PerKWh: power.gramsCO2PerKWh,
            averageFacilityWatts: iterationSeconds > 0 ? joulesPerIteration / iterationSeconds : 0)
        let price = plan.price
        let hours = iterationSeconds * Double(totalIterations) / 3600
        let hardwareUSD: Double
        var basis: String
        if let perNode = price.usdPerNodeHour {
            let machines = EnergyModel.machinesUsed(topology: plan.topology, devices: plan.devices)
            hardwareUSD = perNode * Double(machines) * hours
            basis = "\(machines) servers x $\(perNode)/server-hour"
        } else {
            let perDevice = price.usdPerDeviceHour ?? (price.owned ? 0 : plan.device.usdPerHour)
            hardwareUSD = perDevice * n * hours
            basis = "\(plan.devices) devices x $\((perDevice * 1000).rounded() / 1000)/device-hour"
        }
        let energyUSD = price.owned ? totalKWh * price.usdPerKWh : 0
        if price.owned { basis += " + \(price.usdPerKWh) $/kWh (owned)" }
        let total = hardwareUSD + energyUSD
        return (energy, TrainingResult.Cost(
            totalUSD: total, usdPerIteration: totalIterations > 0 ? total / Double(totalIterations) : 0,
            hardwareUSD: hardwareUSD, energyUSD: energyUSD, basis: basis))
    }
}

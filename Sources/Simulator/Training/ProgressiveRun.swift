import CostModel
import Foundation
import Workload
import InputParsing

/// A progressive-growing run (ProGAN) priced as its sequence of phases: each phase's networks at its official
/// minibatch through either engine, the whole run's time, energy and cost their sums.
enum ProgressiveRun {
    /// Per-device batch of a phase: the official minibatch over the devices that train D, at least one image.
    static func batchPerDevice(_ step: GrowthStep, plan: TrainingPlan) -> Int {
        max(1, step.phase.minibatch / (plan.devices - (plan.generatorDevices ?? 0)))
    }

    /// The plan of one phase: its networks, its batch, no accumulation.
    static func plan(_ step: GrowthStep, of plan: TrainingPlan) -> TrainingPlan {
        var phasePlan = plan
        phasePlan.model = plan.model.model(of: step.phase)
        phasePlan.recipe.batchPerDevice = batchPerDevice(step, plan: plan)
        phasePlan.recipe.accumulation = 1
        return phasePlan
    }

    /// Iterations of a phase: its images over the images of one step.
    static func iterations(_ step: GrowthStep, plan: TrainingPlan) -> Int {
        let perStep = Double(batchPerDevice(step, plan: plan) * (plan.devices - (plan.generatorDevices ?? 0)))
        return max(1, Int((step.kimg * 1000 / perStep).rounded(.up)))
    }

    /// Prices every phase of `steps` with `price(phasePlan, iterations)` and sums them into one result; `draw` adds a
    /// run with failures drawn on the event kernel.
    static func run(plan: TrainingPlan, steps: [GrowthStep], draw: Bool,
                    price: (TrainingPlan, Int) throws -> TrainingResult) throws -> TrainingResult {
        var results: [TrainingResult] = [], phases: [TrainingResult.GrowthPhase] = []
        for step in steps {
            let phasePlan = Self.plan(step, of: plan)
            let r = try price(phasePlan, iterations(step, plan: plan))
            results.append(r)
            phases.append(TrainingResult.GrowthPhase(
                resolution: step.phase.resolution, fadingIn: step.phase.fadingIn, kimg: step.kimg,
                batchPerDevice: phasePlan.recipe.batchPerDevice, iterations: r.training.iterations, iterationSeconds: r.iterationSeconds,
                secondsPerKimg: step.kimg > 0 ? r.training.wallSeconds / step.kimg : 0, wallSeconds: r.training.wallSeconds,
                hours: r.training.wallHours, energyKWh: r.energy.totalKWh, costUSD: r.cost.totalUSD,
                peakBytesPerDevice: r.memory.peakBytesPerDevice))
        }
        guard var whole = results.last else { throw ConfigurationError(field: "training.kimg", value: "0", reason: "a growing run needs images to train on") }
        func sum(_ value: (TrainingResult) -> Double) -> Double { results.reduce(0) { $0 + value($1) } }
        let wall = sum(\.training.wallSeconds), iterations = results.reduce(0) { $0 + $1.training.iterations }
        whole.training = TrainingResult.Training(
            iterations: iterations, wallSeconds: wall, simulatedIterations: results.reduce(0) { $0 + $1.training.simulatedIterations },
            wallHours: wall / 3600, wallDays: wall / 86400)
        let kWh = sum(\.energy.totalKWh)
        whole.energy.totalKWh = kWh
        whole.energy.co2Kg = sum(\.energy.co2Kg)
        whole.energy.averageFacilityWatts = wall > 0 ? kWh * 3.6e6 / wall : 0
        whole.cost.totalUSD = sum(\.cost.totalUSD)
        whole.cost.hardwareUSD = sum(\.cost.hardwareUSD)
        whole.cost.energyUSD = sum(\.cost.energyUSD)
        whole.cost.usdPerIteration = iterations > 0 ? whole.cost.totalUSD / Double(iterations) : 0
        let largest = results.max { $0.memory.peakBytesPerDevice < $1.memory.peakBytesPerDevice }!
        whole.memory = largest.memory
        whole.memory.fits = results.allSatisfy(\.memory.fits)
        whole.events = results.reduce(0) { $0 + $1.events }
        whole.flows = results.reduce(0) { $0 + $1.flows }
        whole.phases = phases
        let last = Self.plan(steps.last!, of: plan)
        whole = try whole.expectingFailures(plan: last)
        return draw ? try whole.drawingFailures(plan: last) : whole
    }
}

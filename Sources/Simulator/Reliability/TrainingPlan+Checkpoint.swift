import CostModel
import Foundation
import Workload
import InputParsing

extension TrainingPlan {
    /// Most checkpoints a run takes: more would make the drawn timeline's events outgrow a simulation.
    static let maximumCheckpoints = 1_000_000

    /// Bytes of one checkpoint: fp32 parameters of G and D, G's EMA copy and the optimizer state of the trainable
    /// parameters, written once for the whole job (data-parallel replicas are identical, so one rank writes them).
    var checkpointBytes: Int {
        let g = model.generator.parameterCount, d = model.discriminator.parameterCount
        let trainable = recipe.trainableParameterCount(of: .generator, in: model.generator)
            + recipe.trainableParameterCount(of: .discriminator, in: model.discriminator)
        return 4 * (g + d) + (recipe.ema ? 4 * g : 0) + 4 * trainable * recipe.optimizer.stateTensors
    }

    /// Interruptions per hour of the job: its devices, the servers they occupy and the switches outside servers.
    var jobFailuresPerHour: Double {
        let servers = topology.machines.isEmpty ? 1 : topology.machinesUsed(byFirst: devices).count
        let switches = topology.nodes.filter { $0.kind == .networkSwitch && $0.machine == nil }.count
        return reliability.rates.jobFailuresPerHour(devices: devices, servers: servers, switches: switches)
    }

    /// Bandwidth checkpoints are written to and read from, in bytes per second.
    var checkpointStorageBytesPerSecond: Double { reliability.storageBytesPerSecond ?? data.storageBytesPerSecond }

    /// The checkpointed run of `usefulSeconds` of training under the plan's `reliability`, with the interval it uses
    /// and the Young–Daly interval (nil when nothing fails); errors name the field that makes the run impossible.
    func checkpointedRun(usefulSeconds: Double) throws -> (run: CheckpointedRun, youngDalySeconds: Double?, fromScenario: Bool) {
        let spec = reliability, bytes = Double(checkpointBytes)
        let storage = checkpointStorageBytesPerSecond
        let writeSeconds = bytes / storage
        var stallSeconds = writeSeconds
        if spec.mode == .async {
            // Assumed: a PCIe 4.0 x16 link to the host where the topology has none (parametric topologies).
            let copy = try Self.hostCopyBandwidth(topology) ?? LinkCatalog.pcie4x16.bandwidthBytesPerSecond
            stallSeconds = bytes / copy
        }
        let lag = spec.mode == .async ? writeSeconds : 0
        // Every device reads the state back from the shared storage after a restart.
        let downtime = spec.detectSeconds + spec.restartSeconds + Double(devices) * bytes / storage
        let perSecond = jobFailuresPerHour / 3600
        let youngDaly = perSecond > 0
            ? CheckpointedRun.youngDalyIntervalSeconds(checkpointSeconds: stallSeconds, meanSecondsBetweenFailures: 1 / perSecond) : nil
        let floor = usefulSeconds / Double(Self.maximumCheckpoints)
        var interval: Double
        switch spec.interval {
        case .youngDaly:
            interval = max(youngDaly ?? usefulSeconds, lag, floor)
        case .seconds(let seconds):
            if seconds < lag {
                throw ConfigurationError(
                    field: "reliability.checkpointInterval", value: Self.duration(seconds),
                    reason: "an asynchronous checkpoint takes \(Self.duration(lag)) to write; checkpoint at most that often")
            }
            if seconds < floor {
                throw ConfigurationError(
                    field: "reliability.checkpointInterval", value: Self.duration(seconds),
                    reason: "the run of \(Self.duration(usefulSeconds)) would take more than \(Self.maximumCheckpoints) checkpoints; checkpoint at most every \(Self.duration(floor))")
            }
            interval = seconds
        }
        interval = min(interval, usefulSeconds)
        let run = CheckpointedRun(
            usefulSeconds: usefulSeconds, failuresPerSecond: perSecond, checkpointSeconds: stallSeconds, durabilityLagSeconds: lag,
            downtimeSeconds: downtime, intervalSeconds: interval)
        return (run, youngDaly, spec.interval != .youngDaly)
    }

    /// `seconds` as a short duration for messages, e.g. `12.5 s`.
    private static func duration(_ seconds: Double) -> String { String(format: "%.4g s", seconds) }
}

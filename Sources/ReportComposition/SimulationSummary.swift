import Foundation
import Reports
import Simulator

/// The terminal summary of one simulated result: what `gansim simulate` prints.
public struct SimulationSummary {
    /// The result to describe.
    public let result: TrainingResult

    /// The summary of `result`.
    public init(result: TrainingResult) { self.result = result }

    /// `; validated: a to b`, or nothing for an unvalidated profile.
    static func interval(_ seconds: [Double]?) -> String {
        guard let seconds, seconds.count == 2 else { return "" }
        return "; validated range \(Units.seconds(seconds[0]))-\(Units.seconds(seconds[1]))"
    }

    /// The run with failures and checkpoints: expected time and goodput, the checkpoints, what they add, a drawn run.
    static func reliability(_ r: TrainingResult.Reliability) -> String {
        let every = r.meanHoursBetweenFailures.map { "one per \(Units.seconds($0 * 3600)) of the job" } ?? "nothing fails"
        let basis = r.intervalBasis == "young-daly" ? "Young-Daly" : r.intervalBasis
        var lines = [
            "  with failures      \(Units.seconds(r.expectedWallSeconds)) expected, goodput \(String(format: "%.2f %%", 100 * r.goodput)) "
                + "(\(String(format: "%.3g", r.expectedFailures)) failures, \(every); \(Units.seconds(r.downtimeSecondsPerFailure)) down each)",
            "    checkpoints      \(Units.grouped(r.checkpoints)) of \(Units.bytes(r.checkpointBytes)) (\(r.checkpointMode)), every "
                + "\(Units.seconds(r.checkpointIntervalSeconds)) (\(basis)), \(Units.seconds(r.checkpointStallSeconds)) stall each",
            "    failures add     \(String(format: "$%.0f, %.1f kWh", r.lostUSD, r.lostKWh)) (lost work \(Units.seconds(r.lostWorkSeconds)), "
                + "down \(Units.seconds(r.downtimeSeconds)), checkpointing \(Units.seconds(r.checkpointingSeconds)))",
        ]
        if let d = r.drawn {
            lines.append("    drawn            seed \(d.seed): \(d.failures) failures, \(Units.seconds(d.wallSeconds)), goodput \(String(format: "%.2f %%", 100 * d.goodput))")
        }
        return lines.joined(separator: "\n")
    }

    /// The phases of a growing run: resolution, fading or stable, kimg, batch, seconds per kimg, hours.
    static func phases(_ phases: [TrainingResult.GrowthPhase]) -> String {
        var table = TextTable(["phase", "kimg", "batch/device", "s per kimg", "hours"], leftAligned: [0])
        for p in phases {
            table.add([p.label, String(format: "%g", p.kimg), "\(p.batchPerDevice)", String(format: "%.1f", p.secondsPerKimg),
                       String(format: "%.2f", p.hours)])
        }
        return "  growth phases (the iteration above is the last phase's)\n" + table.render().split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
    }

    /// Aligned lines: setup, iteration time, throughput, breakdown, scaling, memory, whole run, failures.
    public var text: String {
        let b = result.breakdown
        func share(_ seconds: Double) -> String { String(format: "%5.1f %%", 100 * seconds / result.iterationSeconds) }
        return """
            \(result.name): \(result.devices)x \(result.device) on \(result.topology), \(result.algorithmDescription) all-reduce, \(result.mode)
              iteration          \(Units.seconds(result.iterationSeconds))  (\(Units.count(result.samplesPerSecond)) samples/s)\(Self.interval(result.iterationSecondsInterval))
                compute          \(Units.seconds(b.computeSeconds))  \(share(b.computeSeconds))
                exposed comm     \(Units.seconds(b.exposedCommunicationSeconds))  \(share(b.exposedCommunicationSeconds))
                data stall       \(Units.seconds(b.dataStallSeconds))  \(share(b.dataStallSeconds))
                idle             \(Units.seconds(b.idleSeconds))  \(share(b.idleSeconds))
              scaling efficiency \(String(format: "%.3f", result.scalingEfficiency)) (one device: \(Units.seconds(result.singleDeviceIterationSeconds)) per iteration)
              memory per device  \(Units.bytes(result.memory.peakBytesPerDevice)) of \(Units.bytes(result.memory.capacityBytesPerDevice))\(result.memory.fits ? "" : " (does not fit)"); live tensors \(Units.bytes(result.memory.liveTensorBytesPerDevice)) (max_memory_allocated), reserved \(Units.bytes(result.memory.reservedBytesPerDevice)) (memory_reserved)
              whole run          \(Units.grouped(result.training.iterations)) iterations, \(Units.seconds(result.training.wallSeconds)) without failures; \(String(format: "$%.0f, %.0f kWh", result.cost.totalUSD, result.energy.totalKWh))
            """ + (result.reliability.map { "\n" + Self.reliability($0) } ?? "") + (result.phases.map { "\n" + Self.phases($0) } ?? "")
    }
}

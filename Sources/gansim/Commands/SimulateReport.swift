import Reports
import Foundation
import Simulator

/// The human-readable summary of a `TrainingResult`.
struct SimulateReport {
    /// The result to describe.
    let result: TrainingResult

    /// `; validated: a to b`, or nothing for an unvalidated profile.
    static func interval(_ seconds: [Double]?) -> String {
        guard let seconds, seconds.count == 2 else { return "" }
        return "; validated range \(Units.seconds(seconds[0]))-\(Units.seconds(seconds[1]))"
    }

    /// Aligned lines: setup, iteration time, throughput, breakdown, scaling, memory, whole run.
    var text: String {
        let b = result.breakdown
        func share(_ seconds: Double) -> String { String(format: "%5.1f %%", 100 * seconds / result.iterationSeconds) }
        return """
            \(result.name): \(result.devices)x \(result.device) on \(result.topology), \(result.algorithm.rawValue) all-reduce, \(result.mode)
              iteration          \(Units.seconds(result.iterationSeconds))  (\(Units.count(result.samplesPerSecond)) samples/s)\(Self.interval(result.iterationSecondsInterval))
                compute          \(Units.seconds(b.computeSeconds))  \(share(b.computeSeconds))
                exposed comm     \(Units.seconds(b.exposedCommunicationSeconds))  \(share(b.exposedCommunicationSeconds))
                data stall       \(Units.seconds(b.dataStallSeconds))  \(share(b.dataStallSeconds))
                idle             \(Units.seconds(b.idleSeconds))  \(share(b.idleSeconds))
              scaling efficiency \(String(format: "%.3f", result.scalingEfficiency)) (one device: \(Units.seconds(result.singleDeviceIterationSeconds)) per iteration)
              memory per device  \(Units.bytes(result.memory.peakBytesPerDevice)) of \(Units.bytes(result.memory.capacityBytesPerDevice))\(result.memory.fits ? "" : " (does not fit)"); live tensors \(Units.bytes(result.memory.liveTensorBytesPerDevice)) (max_memory_allocated), reserved \(Units.bytes(result.memory.reservedBytesPerDevice)) (memory_reserved)
              whole run          \(Units.grouped(result.training.iterations)) iterations, \(Units.seconds(result.training.wallSeconds))
            """
    }
}

import Distributed
import Foundation
import Reports

/// A transport calibration as text: what `gansim comm-bench` prints and the `validate-distributed` page shows for
/// each rank count.
public struct CommCalibrationTable {
    /// The calibration tabulated.
    public let calibration: CommCalibration

    /// The table of `calibration`.
    public init(_ calibration: CommCalibration) { self.calibration = calibration }

    /// The times per size and algorithm with each fit's prediction and error, then the ranks' hosts and the fits.
    public var text: String {
        let c = calibration
        var t = TextTable(["bytes", "algorithm", "time", "algorithm bandwidth", "line fit", "error", "regime fit", "error"])
        for s in c.samples {
            let algorithm = AllReduceAlgorithm(rawValue: s.algorithm)
            let fit = s.evicted ? nil : algorithm.flatMap { c.fit(for: $0) }
            let predicted = fit?.predictedSeconds(bytes: Double(s.bytes))
            let regimes = algorithm.flatMap { s.evicted ? c.evictedRegimes(for: $0) : c.regimes(for: $0) }?
                .predictedSeconds(bytes: Double(s.bytes))
            func error(_ p: Double?) -> String { p.map { String(format: "%+.1f%%", ($0 / s.seconds - 1) * 100) } ?? "-" }
            t.add(["\(s.bytes)", s.algorithm + (s.evicted ? ", evicted" : ""), Self.microseconds(s.seconds),
                   String(format: "%.2f GB/s", s.algorithmBytesPerSecond / 1e9),
                   predicted.map(Self.microseconds) ?? "-", error(predicted), regimes.map(Self.microseconds) ?? "-", error(regimes)])
        }
        var lines = [t.render(), "\(c.ranks) ranks on \(Set(c.hosts).sorted().joined(separator: ", "))"]
        for (name, fit) in [("ring", c.ring), ("mpi", c.mpi)] {
            guard let fit else { continue }
            lines.append(String(format: "%@: latency %.2f us, bandwidth %.2f GB/s per direction (relative error rms %.1f%%, max %.1f%%)",
                                name, fit.latencySeconds * 1e6, fit.bandwidthBytesPerSecond / 1e9,
                                fit.rmsRelativeError * 100, fit.maxRelativeError * 100))
        }
        for (algorithm, evicted, regimes) in c.regimeFits {
            lines.append(String(format: "%@%@ by regime: %@ (relative error rms %.1f%%, max %.1f%%)", algorithm.rawValue,
                                evicted ? ", caches evicted," : "", Self.describe(regimes),
                                regimes.rmsRelativeError * 100, regimes.maxRelativeError * 100))
        }
        return lines.joined(separator: "\n")
    }

    /// The regimes of a transport fit, e.g. `messages from 0 B: latency 1.10 us, bandwidth 4.20 GB/s; messages from
    /// 8.0 MiB: ...`.
    static func describe(_ fit: TransportRegimeFit) -> String {
        fit.regimes.map { r in
            String(format: "messages from %@: latency %.2f us, bandwidth %.2f GB/s", bytesText(r.fromMessageBytes),
                   r.fit.latencySeconds * 1e6, r.fit.bandwidthBytesPerSecond / 1e9)
        }.joined(separator: "; ")
    }

    /// A byte count in B, KiB or MiB.
    static func bytesText(_ b: Double) -> String {
        b >= 1_048_576 ? String(format: "%.1f MiB", b / 1_048_576) : b >= 1024 ? String(format: "%.1f KiB", b / 1024) : String(format: "%.0f B", b)
    }

    /// A duration in microseconds below a millisecond, else in milliseconds.
    static func microseconds(_ s: Double) -> String {
        s < 1e-3 ? String(format: "%.1f us", s * 1e6) : String(format: "%.3f ms", s * 1e3)
    }
}

import Foundation
import Reports
import Validation

/// What `gansim validate-distributed` prints and writes into `--out`: the table, comm-np<N>.json for each transport
/// calibration, machine.json, validation.json and validation.md.
///
/// The page shows each transport's comm-bench table, then the validation table the command prints. Every file is
/// composed in memory; the caller writes them all at once.
public struct DistributedValidationPage {
    /// The report of data-parallel runs, which carries the machine they were predicted on.
    public let report: ValidationReport
    /// The profile file predicted, by the path the user gave; nil for the cpu catalog prior.
    public let profile: String?

    /// The page of `report`; a report without its machine (no data-parallel validation makes one) gets no transport
    /// tables and no machine.json.
    public init(report: ValidationReport, profile: String?) {
        self.report = report
        self.profile = profile
    }

    /// What the command prints: the validation table with the machine's lines.
    public var text: String { ValidationTable(report).text }

    /// What `--json` prints and validation.json holds: the report.
    public func json() throws -> String { try JSONOutput.string(report) }

    /// The files as `(name, contents)`: a comm-np<N>.json per transport calibration, machine.json, validation.json and
    /// validation.md.
    public func files() throws -> [(String, Data)] {
        let transports = report.machine?.transports ?? []
        let transportTables = transports.sorted { $0.ranks < $1.ranks }.map { CommCalibrationTable($0).text }
        let machineFile = try report.machine.map { [("machine.json", Data((try JSONOutput.string($0) + "\n").utf8))] } ?? []
        return try transports.map { t in
            ("comm-np\(t.ranks).json", Data((try JSONOutput.string(t) + "\n").utf8))
        } + machineFile + [
            ("validation.json", Data((try json() + "\n").utf8)),
            ("validation.md", Data(("# Data-parallel runs on MPI against the simulator\n\nProfile: `\(profile ?? "cpu (uncalibrated prior)")`\n\n```\n"
                + transportTables.joined(separator: "\n\n") + "\n\n" + text + "\n```\n").utf8)),
        ]
    }
}

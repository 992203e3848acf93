import Foundation
import Reports
import Validation

/// What `gansim validate-distributed` prints and writes into `--out`: the table, comm-np<N>.json for each transport
/// calibration, machine.json, validation.json and validation.md.
///
/// The page shows each transport's comm-bench table, then the validation table the command prints. Every file is
/// composed in memory; the caller writes them all at once.
public struct DistributedValidationPage {
    /// The report of data-parallel runs; it carries the machine they were predicted on.
    public let report: ValidationReport
    /// The machine the predictions used, measured apart from the runs.
    public let machine: DistributedMachine
    /// The profile file predicted, by the path the user gave; nil for the cpu catalog prior.
    public let profile: String?

    /// The page of `report`, which must carry its machine (as every data-parallel validation's does).
    public init(report: ValidationReport, profile: String?) {
        precondition(report.machine != nil, "a data-parallel validation report carries its machine")
        self.report = report
        machine = report.machine!
        self.profile = profile
    }

    /// What the command prints: the validation table with the machine's lines.
    public var text: String { ValidationTable(report).text }

    /// The files as `(name, contents)`: a comm-np<N>.json per transport calibration, machine.json, validation.json and
    /// validation.md.
    public func files() throws -> [(String, Data)] {
        let transportTables = machine.transports.sorted { $0.ranks < $1.ranks }.map { CommCalibrationTable($0).text }
        return try machine.transports.map { t in
            ("comm-np\(t.ranks).json", Data((try JSONOutput.string(t) + "\n").utf8))
        } + [
            ("machine.json", Data((try JSONOutput.string(machine) + "\n").utf8)),
            ("validation.json", Data((try JSONOutput.string(report) + "\n").utf8)),
            ("validation.md", Data(("# Data-parallel runs on MPI against the simulator\n\nProfile: `\(profile ?? "cpu (uncalibrated prior)")`\n\n```\n"
                + transportTables.joined(separator: "\n\n") + "\n\n" + text + "\n```\n").utf8)),
        ]
    }
}

import Foundation
import Reports
import Validation

/// What `gansim validate` prints and writes into `--out`: the table (with the scaling table for published runs),
/// validation.json, scatter.svg and validation.md.
///
/// The page shows the same text the command prints, so the terminal and the page never disagree. Every file is
/// composed in memory; the caller writes them all at once.
public struct ValidationPage {
    /// Where the predicted profile came from, as the page names it.
    public enum Profile: Sendable {
        /// A profile file, by the path the user gave.
        case file(String)
        /// A catalog profile, by name.
        case catalog(String)
        /// Calibrated in the same session as the validation, and written to the path given, if any.
        case fittedInSession(savedTo: String?)
    }

    /// The report of the validation.
    public let report: ValidationReport
    /// Published runs only: the data-parallel scaling, measured against predicted.
    public let scaling: [ScalingComparison]?
    /// What the predictions were compared against, the page's heading.
    let against: String
    /// The page's line naming the profile or profiles predicted.
    let profileLine: String

    /// The page of CPU runs or of measured steps read from `measuredStepFiles` files, predicted for `profile`; the
    /// heading is the report's measurement where it names one, else the count of files.
    public init(report: ValidationReport, profile: Profile, measuredStepFiles: Int = 0) {
        self.report = report
        scaling = nil
        against = report.measurement ?? "measured steps (\(measuredStepFiles) files)"
        switch profile {
        case .file(let path): profileLine = "Profile: `\(path)`"
        case .catalog(let name): profileLine = "Profile: `\(name) (catalog)`"
        case .fittedInSession(let saved): profileLine = "Profile: fitted in the same session" + (saved.map { " (`\($0)`)" } ?? "")
        }
    }

    /// The page of the published runs of `file` with their `scaling`; the heading is the report's measurement where it
    /// names one, else the file.
    public init(publishedRuns report: ValidationReport, scaling: [ScalingComparison], file: String) {
        self.report = report
        self.scaling = scaling
        against = report.measurement ?? file
        profileLine = "Profiles: \(report.profile)"
    }

    /// What the command prints: the validation table, then the scaling table for published runs.
    public var text: String {
        ValidationTable(report).text + (scaling.map { "\n\n" + ScalingTable($0).text } ?? "")
    }

    /// What `--json` prints and validation.json holds: the report, or for published runs the report with the scaling.
    public func json() throws -> String {
        if let scaling { return try JSONOutput.string(PublishedRunReport(report: report, scaling: scaling)) }
        return try JSONOutput.string(report)
    }

    /// The files as `(name, contents)`: validation.json, scatter.svg and validation.md (the text under the heading and
    /// profile line, then the scatter plot).
    public func files() throws -> [(String, Data)] {
        [
            ("validation.json", Data((try json() + "\n").utf8)),
            ("scatter.svg", Data(ScatterPlot.svg(report).utf8)),
            ("validation.md", Data(("# Validation against \(against)\n\n\(profileLine)\n\n```\n" + text
                + "\n```\n\n![predicted vs measured](scatter.svg)\n").utf8)),
        ]
    }
}

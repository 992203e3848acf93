import Foundation
import Testing
import Validation

/// The files under `Fixtures`: reports and what the CLI composed from them, written by the commands before their
/// composition moved into `ReportComposition`, so that the library is held to the CLI's bytes.
enum Fixture {
    /// The fixture `name`, as bytes.
    static func data(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try Data(contentsOf: url)
    }

    /// The fixture `name`, as text.
    static func text(_ name: String) throws -> String { String(decoding: try data(name), as: UTF8.self) }

    /// The validation report in the fixture `name`.
    static func report(_ name: String) throws -> ValidationReport {
        try JSONDecoder().decode(ValidationReport.self, from: data(name))
    }

    /// The contents of the file `name` among `files`, as text; nil when there is no such file.
    static func file(_ name: String, in files: [(String, Data)]) -> String? {
        files.first { $0.0 == name }.map { String(decoding: $0.1, as: UTF8.self) }
    }
}

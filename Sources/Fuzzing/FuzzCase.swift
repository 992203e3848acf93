import Foundation

/// One generated input: its entry point, its main text (YAML, a command line, a file's contents) and any files it
/// needs, all derived from the campaign seed and the case index.
public struct FuzzCase: Sendable {
    /// The campaign seed.
    public var seed: UInt64
    /// The case index within the campaign.
    public var index: Int
    /// The entry point fed.
    public var entry: FuzzEntry
    /// The main input: scenario YAML, command-line words joined by newlines, or a file's text.
    public var text: String
    /// Files the case writes into its scratch folder before running, by relative name.
    public var files: [String: Data]
    /// Numbers the entry point takes besides the input (resolution and channels of a dataset).
    public var numbers: [Int]

    /// Generates case `index` of the campaign `seed`.
    public init(seed: UInt64, index: Int) {
        var random = FuzzRandom(seed: seed, index: index)
        self.seed = seed
        self.index = index
        entry = FuzzEntry.draw(&random)
        files = [:]
        numbers = []
        switch entry {
        case .scenario: text = ScenarioFuzzer.generate(&random)
        case .flags: text = FlagFuzzer.generate(&random).joined(separator: "\n")
        case .opTimings: text = MeasurementFuzzer.opTimings(&random)
        case .measuredSteps: text = MeasurementFuzzer.measuredSteps(&random)
        case .publishedRuns: text = MeasurementFuzzer.publishedRuns(&random)
        case .profile: text = ProfileFuzzer.generate(&random)
        case .pngFolder:
            (files, numbers) = DatasetFuzzer.pngFolder(&random)
            text = files.keys.sorted().joined(separator: ",")
        case .idx:
            let (data, numbers) = DatasetFuzzer.idx(&random)
            files = ["data.idx": data]
            self.numbers = numbers
            text = "data.idx (\(data.count) bytes)"
        }
    }

    /// What to show of a failing case: its identity and input (binary files as the first bytes in hex).
    public var reproducer: String {
        var lines = ["case \(index) of seed \(seed) (\(entry.rawValue)); replay: GansimFuzz --replay \(seed):\(index)"]
        lines.append(entry == .flags ? "gansim " + text.split(separator: "\n").map { Self.quoted(String($0)) }.joined(separator: " ") : text)
        for name in files.keys.sorted() {
            let data = files[name]!
            lines.append("\(name): \(data.count) bytes: " + data.prefix(64).map { String(format: "%02x", $0) }.joined())
        }
        if !numbers.isEmpty { lines.append("numbers: \(numbers)") }
        return lines.joined(separator: "\n")
    }

    private static func quoted(_ word: String) -> String {
        word.isEmpty || word.contains(where: { " '\"\\$".contains($0) || $0.isNewline }) ? "'\(word.replacingOccurrences(of: "'", with: "'\\''"))'" : word
    }
}

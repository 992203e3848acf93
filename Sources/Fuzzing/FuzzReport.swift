/// What a range of cases came to: cases per entry point, refusals per entry point, and the findings.
public struct FuzzReport: Sendable {
    /// Cases run, per entry point.
    public var cases: [FuzzEntry: Int] = [:]
    /// Cases that ended in a clear message, per entry point.
    public var messages: [FuzzEntry: Int] = [:]
    /// Seconds spent, per entry point.
    public var seconds: [FuzzEntry: Double] = [:]
    /// Findings: unclear messages, crashes, hangs, each with its case.
    public var findings: [String] = []

    public init() {}

    /// Adds `other`'s counts and findings.
    public mutating func merge(_ other: FuzzReport) {
        cases.merge(other.cases, uniquingKeysWith: +)
        messages.merge(other.messages, uniquingKeysWith: +)
        seconds.merge(other.seconds, uniquingKeysWith: +)
        findings += other.findings
    }

    /// Total cases.
    public var total: Int { cases.values.reduce(0, +) }

    /// One line per entry point: cases, and how many ended in a result or a message.
    public var table: String {
        FuzzEntry.allCases.map { entry in
            let n = cases[entry] ?? 0, m = messages[entry] ?? 0
            let each = n > 0 ? (seconds[entry] ?? 0) / Double(n) * 1000 : 0
            return "\(entry.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(n) cases: \(n - m) results, \(m) messages, \(String(format: "%.2f", each)) ms each"
        }.joined(separator: "\n")
    }

    /// The counts as one line `entry=cases/messages ...` (worker to supervisor).
    public var countsLine: String {
        "COUNTS " + FuzzEntry.allCases.map { "\($0.rawValue)=\(cases[$0] ?? 0)/\(messages[$0] ?? 0)/\(seconds[$0] ?? 0)" }.joined(separator: " ")
    }

    /// Reads a `countsLine`.
    public static func parseCounts(_ line: String) -> FuzzReport {
        var report = FuzzReport()
        for part in line.split(separator: " ").dropFirst() {
            let pair = part.split(separator: "=")
            guard pair.count == 2, let entry = FuzzEntry(rawValue: String(pair[0])) else { continue }
            let numbers = pair[1].split(separator: "/").compactMap { Double($0) }
            guard numbers.count == 3 else { continue }
            report.cases[entry] = Int(numbers[0])
            report.messages[entry] = Int(numbers[1])
            report.seconds[entry] = numbers[2]
        }
        return report
    }
}

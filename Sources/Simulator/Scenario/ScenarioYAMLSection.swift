import Yams
import InputParsing

/// A YAML mapping read field by field: typed getters whose errors name the field, value, line and column.
///
/// `finish()` rejects keys nobody asked for, so a typo is an error, not a silent default.
struct ScenarioYAMLSection {
    /// Dotted path of the mapping, e.g. `cluster` (empty at the top level).
    let path: String
    private let node: Node
    private var entries: [(key: String, value: Node)] = []
    /// Whether each entry has been asked for (by index: cheaper than a set of key strings).
    private var used: [Bool] = []

    /// Wraps `node`, which must be a mapping.
    init(_ node: Node, path: String) throws {
        self.path = path
        self.node = node
        guard let mapping = node.mapping else {
            throw Self.error(path.isEmpty ? "scenario" : path, node, "expected a mapping of fields")
        }
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            // A key given twice would silently take one of the values: which one a reader means is unknowable.
            if let first = entries.first(where: { $0.key == name }) {
                let firstLine = first.value.mark.map { " (first at line \($0.line))" } ?? ""
                throw ConfigurationError(
                    field: path.isEmpty ? name : "\(path).\(name)", value: value.scalar?.string ?? "",
                    reason: "is given twice\(firstLine); keep one", line: key.mark?.line, column: key.mark?.column)
            }
            entries.append((name, value))
        }
        used = Array(repeating: false, count: entries.count)
    }

    private func field(_ key: String) -> String {
        let name = key.isEmpty ? "(an empty key)" : key
        return path.isEmpty ? name : "\(path).\(name)"
    }

    static func error(_ field: String, _ node: Node, _ reason: String) -> ConfigurationError {
        ConfigurationError(field: field, value: node.scalar?.string ?? "(\(node.mapping != nil ? "mapping" : "sequence"))",
                           reason: reason, line: node.mark?.line, column: node.mark?.column)
    }

    /// The raw node of `key`, if present.
    mutating func node(_ key: String) -> Node? {
        var found: Node?
        for index in entries.indices where entries[index].key == key {
            used[index] = true
            if found == nil { found = entries[index].value }
        }
        return found
    }

    /// A nested section, if present.
    mutating func section(_ key: String) throws -> ScenarioYAMLSection? {
        guard let value = node(key) else { return nil }
        return try ScenarioYAMLSection(value, path: field(key))
    }

    /// A string scalar.
    mutating func string(_ key: String) throws -> String? {
        guard let value = node(key) else { return nil }
        guard let text = value.scalar?.string else { throw Self.error(field(key), value, "expected a single value") }
        return text
    }

    /// A whole number (its range is `ScenarioInput.validate`'s to check).
    mutating func int(_ key: String) throws -> Int? {
        guard let value = node(key) else { return nil }
        guard let number = Int(value.scalar?.string ?? "") else { throw Self.error(field(key), value, "expected a whole number") }
        return number
    }

    /// A finite number (its range is `ScenarioInput.validate`'s to check).
    mutating func double(_ key: String) throws -> Double? {
        guard let value = node(key) else { return nil }
        guard let number = Double(value.scalar?.string ?? ""), number.isFinite else { throw Self.error(field(key), value, "expected a number") }
        return number
    }

    /// A boolean (`true`/`false`).
    mutating func bool(_ key: String) throws -> Bool? {
        guard let value = node(key) else { return nil }
        switch value.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw Self.error(field(key), value, "expected true or false")
        }
    }

    /// A value parsed by `parse` (e.g. a unit parser), its errors located at the value.
    mutating func parsed<T>(_ key: String, _ parse: (String, String) throws -> T) throws -> T? {
        guard let value = node(key) else { return nil }
        guard let text = value.scalar?.string else { throw Self.error(field(key), value, "expected a single value") }
        do {
            return try parse(text, field(key))
        } catch let error as ConfigurationError {
            throw error.located(line: value.mark?.line, column: value.mark?.column)
        }
    }

    /// One of a fixed set of names.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let value = node(key) else { return nil }
        guard let choice = T(rawValue: value.scalar?.string ?? "") else {
            throw Self.error(field(key), value, "expected one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }

    /// Locates an error about `key` (from a builder) at that key's value, or at the section.
    mutating func locate(_ error: ConfigurationError, key: String) -> ConfigurationError {
        let target = entries.first { $0.key == key }?.value ?? node
        var copy = error
        copy.field = field(key)
        return copy.located(line: target.mark?.line, column: target.mark?.column)
    }

    /// The fields each section takes, for the message about an unknown one.
    static let known: [String: [String]] = [
        "": ["name", "model", "recipe", "cluster", "communication", "mode", "data", "jitter", "training", "simulate", "power", "cost", "reliability", "seed"],
        "model": ["architecture", "resolution", "width", "preset", "latent", "classes", "frames", "generatorChannels", "discriminatorChannels"],
        "recipe": ["batchPerDevice", "accumulation", "discriminatorSteps", "precision", "mixedPrecisionResolutions", "optimizer", "ema",
                   "r1Interval", "pathLengthInterval", "hostLaunches", "implementation", "frozenDiscriminatorBlocks"],
        "cluster": ["topology", "devices", "bandwidth", "latency", "fabric", "serversPerLeaf", "oversubscription", "torus", "device", "profile", "host"],
        "communication": ["algorithm", "bucket", "chunks"],
        "mode": ["kind", "staleness", "generatorDevices"],
        "data": ["storageBandwidth", "bytesPerSample", "decodeRatePerCore", "decodeCores", "prefetch"],
        "jitter": ["cv", "stragglerProbability", "stragglerSlowdown", "deviceCv"],
        "training": ["iterations", "epochs", "kimg", "datasetSamples", "growth"],
        "simulate": ["iterations"],
        "power": ["pue", "hostWattsPerDevice", "nicWatts", "switchWatts", "communicatingActivity", "carbonIntensity"],
        "cost": ["pricing", "usdPerDeviceHour", "usdPerNodeHour", "usdPerKWh"],
        "reliability": ReliabilitySpec.fields,
    ]

    /// Throws for the first key that was never read.
    func finish() throws {
        for (index, entry) in entries.enumerated() where !used[index] {
            throw Self.unknownField(entry.key, in: path, value: entry.value.scalar?.string ?? "", line: entry.value.mark?.line,
                                    column: entry.value.mark?.column)
        }
    }

    /// The error for `key`, which the section at `path` does not take (or not beside a field it was given).
    static func unknownField(_ key: String, in path: String, value: String, line: Int?, column: Int?) -> ConfigurationError {
        let name = key.isEmpty ? "(an empty key)" : key
        return ConfigurationError(
            field: path.isEmpty ? name : "\(path).\(name)", value: value,
            reason: "unknown field; the \(path.isEmpty ? "top level" : path) section takes \(Self.known[path]?.joined(separator: ", ") ?? "no such field")",
            line: line, column: column)
    }

    /// Records where the section and each of its fields were written, by dotted path.
    func record(into sources: inout [String: ScenarioSource]) {
        sources[path] = ScenarioSource(text: "", line: node.mark?.line, column: node.mark?.column, order: 0)
        for (index, entry) in entries.enumerated() {
            sources[field(entry.key)] = ScenarioSource(
                text: entry.value.scalar?.string ?? "", line: entry.value.mark?.line, column: entry.value.mark?.column, order: index)
        }
    }
}

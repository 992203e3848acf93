import Yams
import InputParsing

/// A scenario as written, section by section, before defaults and derived values: each field as given (nil: not
/// given, a section nil when absent).
///
/// `TrainingScenario.init(input:...)` composes it: `validate` checks each field's range, then the official recipe,
/// the defaults, the topology and the checks across sections. A
/// scenario file is read into one (`init(root:)`), the planner sets its fields directly, and a sweep point is a base
/// input with `ScenarioAssignment`s applied: no scenario is written as text to be read back.
public struct ScenarioInput: Sendable {
    public var name: String?
    public var model: Model?
    public var recipe: Recipe?
    public var cluster: Cluster?
    public var communication: Communication?
    public var mode: Mode?
    public var data: Data?
    public var jitter: Jitter?
    public var training: Training?
    public var simulate: Simulate?
    public var power: Power?
    public var cost: Cost?
    public var reliability: Reliability?
    public var seed: Int?
    /// Where the file wrote each field (by dotted path, e.g. `recipe.batchPerDevice`) and each section (by its
    /// name; "" for the file).
    var sources: [String: ScenarioSource] = [:]

    /// An input with nothing given.
    public init() {}

    /// Reads a scenario file's text; errors as `init(root:)`'s, or say the file is empty or not YAML.
    public init(yaml text: String) throws { try self.init(root: Self.compose(text)) }

    /// The YAML tree of a scenario file; errors say the file is empty or not YAML.
    private static func compose(_ text: String) throws -> Node {
        let root: Node
        do {
            guard let parsed = try Yams.compose(yaml: text) else {
                throw ConfigurationError(field: "scenario", value: "(the scenario text)", reason: "the file is empty; a scenario needs model and cluster sections")
            }
            root = parsed
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw YAMLSyntaxError.configurationError(error, file: "")
        }
        return root
    }

    /// Reads a scenario's YAML tree: every section's fields by its reader, which parses each value and rejects
    /// unknown keys; errors name field, value, line and column.
    public init(root: Node) throws {
        var top = try ScenarioYAMLSection(root, path: "")
        top.record(into: &sources)
        name = try top.string("name")
        model = try Self.read(&top, "model", into: &sources, Model.init(section:))
        recipe = try Self.read(&top, "recipe", into: &sources, Recipe.init(section:))
        cluster = try Self.read(&top, "cluster", into: &sources, Cluster.init(section:))
        communication = try Self.read(&top, "communication", into: &sources, Communication.init(section:))
        mode = try Self.read(&top, "mode", into: &sources, Mode.init(section:))
        data = try Self.read(&top, "data", into: &sources, Data.init(section:))
        jitter = try Self.read(&top, "jitter", into: &sources, Jitter.init(section:))
        training = try Self.read(&top, "training", into: &sources, Training.init(section:))
        simulate = try Self.read(&top, "simulate", into: &sources, Simulate.init(section:))
        power = try Self.read(&top, "power", into: &sources, Power.init(section:))
        cost = try Self.read(&top, "cost", into: &sources, Cost.init(section:))
        reliability = try Self.read(&top, "reliability", into: &sources, Reliability.init(section:))
        seed = try top.int("seed")
        try top.finish()
    }

    /// The section `key` of `top` read by `reader`, its fields' sources recorded; nil when absent.
    private static func read<Section>(
        _ top: inout ScenarioYAMLSection, _ key: String, into sources: inout [String: ScenarioSource],
        _ reader: (inout ScenarioYAMLSection) throws -> Section
    ) throws -> Section? {
        guard var section = try top.section(key) else { return nil }
        section.record(into: &sources)
        return try reader(&section)
    }

    /// `error` about `key` of `section` (from a builder or a check across sections), named `section.key` and located
    /// at the key's value when the file gave it, else at the section.
    func locate(_ error: ConfigurationError, section: String, key: String) -> ConfigurationError {
        var copy = error
        copy.field = "\(section).\(key)"
        let source = sources[copy.field] ?? sources[section]
        return copy.located(line: source?.line, column: source?.column)
    }

    /// Sets every field `other` gives (a sweep value or a planner candidate): those fields and the sections holding
    /// them were written nowhere in the file any more, so their lines go.
    public mutating func apply(_ other: ScenarioInput) {
        var paths: [String] = []
        func take<Section: ScenarioInputSection>(_ key: WritableKeyPath<ScenarioInput, Section?>, _ name: String) {
            guard let given = other[keyPath: key] else { return }
            var section = self[keyPath: key] ?? Section()
            paths += section.apply(given).map { "\(name).\($0)" }
            self[keyPath: key] = section
            sources[name]?.line = nil
            sources[name]?.column = nil
        }
        if let name = other.name { self.name = name; paths.append("name") }
        take(\.model, "model")
        take(\.recipe, "recipe")
        take(\.cluster, "cluster")
        take(\.communication, "communication")
        take(\.mode, "mode")
        take(\.data, "data")
        take(\.jitter, "jitter")
        take(\.training, "training")
        take(\.simulate, "simulate")
        take(\.power, "power")
        take(\.cost, "cost")
        take(\.reliability, "reliability")
        if let seed = other.seed { self.seed = seed; paths.append("seed") }
        guard !paths.isEmpty else { return }
        sources[""]?.line = nil
        sources[""]?.column = nil
        for path in paths {
            if let given = other.sources[path] {
                sources[path] = ScenarioSource(text: given.text, line: nil, column: nil, order: sources[path]?.order ?? Int.max)
            } else {
                sources[path] = nil
            }
        }
    }
}

import CostModel
import Simulator

/// A base scenario whose fields sweeps and the planner set: its sections as written, typed, composed per point.
public struct ScenarioTemplate: Sendable {
    /// The base scenario's sections (checked to compose).
    public let input: ScenarioInput
    /// Name of results when the scenario has no `name`.
    public let defaultName: String
    /// The base scenario's name (its `name`, else `defaultName`).
    public let name: String
    /// Device profiles of every point: calibrated ones in place of the catalog's.
    public let profiles: DeviceProfiles
    /// Where a relative `cluster.profile` path is looked up (the scenario file's folder).
    public let directory: String?

    /// Reads a scenario file's text and checks that it composes (memory need not fit: points report it).
    public init(yaml: String, defaultName: String, profiles: DeviceProfiles = .catalog, directory: String? = nil) throws {
        try self.init(input: ScenarioInput(yaml: yaml), defaultName: defaultName, profiles: profiles,
                      directory: directory)
    }

    /// Checks that `input` composes (memory need not fit: points report it).
    public init(input: ScenarioInput, defaultName: String, profiles: DeviceProfiles = .catalog, directory: String? = nil) throws {
        self.input = input
        self.defaultName = defaultName
        self.profiles = profiles
        self.directory = directory
        name = try TrainingScenario(input: input, defaultName: defaultName, requireFit: false, profiles: profiles, directory: directory).name
    }

    /// The scenario of one point: the base with `assignments` applied in order.
    public func scenario(_ assignments: [ScenarioAssignment], cache: ScenarioCache) throws -> TrainingScenario {
        var point = input
        for assignment in assignments { assignment.apply(to: &point) }
        return try TrainingScenario(input: point, defaultName: defaultName, requireFit: false, cache: cache, profiles: profiles,
                                    directory: directory)
    }
}

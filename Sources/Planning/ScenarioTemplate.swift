import CostModel
import Workload
import Simulator
import Yams

/// A base scenario whose fields sweeps overwrite: the YAML text and helpers to set fields in its tree.
public struct ScenarioTemplate: Sendable {
    /// The base scenario file's contents (checked to parse).
    public let yaml: String
    /// Name of results when the file has no `name`.
    public let defaultName: String
    /// The base scenario's name (its `name`, else `defaultName`).
    public let name: String
    /// Device profiles of every point: calibrated ones in place of the catalog's.
    public let profiles: DeviceProfiles
    /// Where a relative `cluster.profile` path is looked up (the scenario file's folder).
    public let directory: String?

    /// Checks that the base scenario parses (memory need not fit: points report it).
    public init(yaml: String, defaultName: String, profiles: DeviceProfiles = .catalog, directory: String? = nil) throws {
        self.yaml = yaml
        self.defaultName = defaultName
        self.profiles = profiles
        self.directory = directory
        name = try TrainingScenario(root: try TrainingScenario.compose(yaml), defaultName: defaultName, requireFit: false,
                                    profiles: profiles, directory: directory).name
    }

    /// The base tree (each worker composes its own: YAML nodes are not shared between threads).
    /// It parsed in `init`, so this only fails if memory runs out.
    public func root() throws -> Node { try TrainingScenario.compose(yaml) }

    /// `root` with every assignment applied; missing sections are created with `tag`
    /// (one tag for every new node: each `Tag.implicit` builds a fresh dictionary).
    public static func applying(_ assignments: [Assignment], to root: Node, tag: Tag = .implicit) -> Node {
        var node = root
        for a in assignments { set(&node, path: a.path[...], value: a.value, tag: tag) }
        return node
    }

    /// Sets `path` under `node` to the scalar `value`. Keys are matched by their text:
    /// `Node.Mapping`'s own subscript compares whole nodes, resolving tags with regular
    /// expressions, which made applying overrides the slowest part of a sweep.
    private static func set(_ node: inout Node, path: ArraySlice<String>, value: String, tag: Tag) {
        guard let key = path.first else {
            // Reuse the replaced scalar's tag: creating a fresh implicit tag is costly in Yams.
            node = .scalar(Node.Scalar(value, node.scalar?.tag ?? tag))
            return
        }
        let mapping = node.mapping ?? Node.Mapping([], tag)
        var pairs = mapping.map { ($0.key, $0.value) }
        if let i = pairs.firstIndex(where: { $0.0.string == key }) {
            set(&pairs[i].1, path: path.dropFirst(), value: value, tag: tag)
        } else {
            var child = Node.mapping(Node.Mapping([], tag))
            set(&child, path: path.dropFirst(), value: value, tag: tag)
            pairs.append((Node(key, tag), child))
        }
        node = .mapping(Node.Mapping(pairs, mapping.tag, mapping.style))
    }

    /// The scenario of one point.
    public func scenario(_ assignments: [Assignment], root: Node, cache: ScenarioCache) throws -> TrainingScenario {
        try TrainingScenario(root: Self.applying(assignments, to: root), defaultName: defaultName, requireFit: false, cache: cache,
                             profiles: profiles, directory: directory)
    }

    /// The scenario of one point, from a worker's tree of applied assignments (see `AppliedAssignments`).
    func scenario(_ assignments: [Assignment], applied: inout AppliedAssignments, cache: ScenarioCache) throws -> TrainingScenario {
        try TrainingScenario(root: applied.tree(assignments), defaultName: defaultName, requireFit: false, cache: cache,
                             profiles: profiles, directory: directory)
    }
}

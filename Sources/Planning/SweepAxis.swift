/// One dimension of a sweep grid: the scenario field it sets and its values.
public struct SweepAxis: Sendable, Hashable {
    /// The name as the user gave it (`devices`, `cluster.oversubscription`, ...).
    public var name: String
    /// The scenario field it sets: keys from the top of the scenario, e.g. `["cluster", "devices"]`.
    public var path: [String]
    /// The values as a scenario file would write them, in the order given; each is also its label in tables and the
    /// CSV. `SweepGrid` reads each once into a typed `ScenarioAssignment`.
    public var values: [String]

    public init(name: String, path: [String], values: [String]) {
        self.name = name
        self.path = path
        self.values = values
    }

    /// The dotted path of the field, e.g. `cluster.devices`.
    public var field: String { path.joined(separator: ".") }

    /// Parses `field=v1,v2,...`; `a,b,...,z` expands a doubling (or constant-ratio) run when
    /// it lands exactly on `z`, else an arithmetic one (`8,16,...,64`, `10,20,...,100`).
    public static func parse(_ argument: String) throws -> SweepAxis {
        guard let equals = argument.firstIndex(of: "=") else {
            throw SweepError("--vary '\(argument)': expected field=value,value,... (e.g. devices=1,2,4,...,64)")
        }
        let name = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
        let path = try SweepField.path(for: name)
        let items = argument[argument.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !(items.count == 1 && items[0].isEmpty) else { throw SweepError("--vary \(name)=: the list of values is empty") }
        if let empty = items.firstIndex(of: "") {
            throw SweepError("--vary \(name): value \(empty + 1) of the list is empty")
        }
        let labels = try expand(items, name: name)
        if let duplicate = labels.first(where: { label in labels.filter { $0 == label }.count > 1 }) {
            throw SweepError("--vary \(name): the value '\(duplicate)' appears twice")
        }
        return SweepAxis(name: name, path: path, values: labels)
    }

    /// Replaces each `...` by the run its neighbours imply.
    static func expand(_ items: [String], name: String) throws -> [String] {
        var out: [String] = []
        var i = 0
        while i < items.count {
            guard items[i] == "..." else { out.append(items[i]); i += 1; continue }
            guard out.count >= 2, i + 1 < items.count, let a = Int(out[out.count - 2]), let b = Int(out[out.count - 1]),
                  let end = Int(items[i + 1]), b > a, end > b
            else {
                throw SweepError("--vary \(name): '...' needs two increasing whole numbers before it and a larger one after it (e.g. 1,2,4,...,64)")
            }
            var run: [Int] = []
            if a > 0, b % a == 0 {
                var v = b
                while v < end { v *= b / a; run.append(v) }
                if run.last != end { run = [] }
            }
            if run.isEmpty {
                guard (end - b) % (b - a) == 0 else {
                    throw SweepError("--vary \(name): \(a),\(b),...,\(end) reaches \(end) neither by a constant ratio nor a constant step")
                }
                run = Array(stride(from: b + (b - a), through: end, by: b - a))
            }
            out += run.map(String.init)
            i += 2
        }
        return out
    }
}

/// Checks at start-up that every rank was given the same configuration.
///
/// Each rank sends its `(field, value)` list to every other rank; a difference throws
/// `MPIError.configurationMismatch` naming the first differing field and every rank's
/// value. All ranks see the same lists, so all of them throw the same error and can
/// stop together without waiting for each other.
public enum ConfigurationHandshake {
    /// Exchanges `fields` with every rank and compares them with rank 0's.
    ///
    /// - Throws: `MPIError.configurationMismatch`, or `MPIError.timeout` when a rank never
    ///   takes part.
    public static func verify(_ fields: [(name: String, value: String)], world: MPIWorld) throws(MPIError) {
        let mine = fields.map { "\($0.name)\t\($0.value)" }.joined(separator: "\n")
        let all = try world.allGather(Array(mine.utf8)).map { decode($0) }
        if let mismatch = firstMismatch(all) { throw mismatch }
    }

    /// The first field whose value differs between ranks, as an error; nil if all agree.
    static func firstMismatch(_ all: [[(name: String, value: String)]]) -> MPIError? {
        guard let reference = all.first else { return nil }
        let names = reference.map(\.name)
        for other in all.dropFirst() where other.map(\.name) != names {
            return .configurationMismatch(field: "(configuration fields; different gansim versions?)",
                                          values: all.map { $0.map(\.name).joined(separator: ",") })
        }
        for (i, name) in names.enumerated() {
            let values = all.map { $0[i].value }
            if Set(values).count > 1 { return .configurationMismatch(field: name, values: values) }
        }
        return nil
    }

    private static func decode(_ bytes: [UInt8]) -> [(name: String, value: String)] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map { line in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }
}

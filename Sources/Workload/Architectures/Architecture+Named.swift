extension Architecture {
    /// The architecture called `name`, or an error listing the accepted names.
    public static func named(_ name: String) throws(ModelError) -> Architecture {
        guard let a = Architecture(rawValue: name.lowercased()) else {
            throw .unsupported(field: "model", value: name, accepted: allCases.map(\.rawValue))
        }
        return a
    }
}

extension Precision {
    /// The precision called `name`, or an error listing the accepted names.
    public static func named(_ name: String) throws(ModelError) -> Precision {
        guard let p = Precision(rawValue: name.lowercased()) else {
            throw .unsupported(field: "precision", value: name, accepted: allCases.map(\.rawValue))
        }
        return p
    }
}

/// A model configuration that cannot be built, with a message a user can act on.
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A value outside a fixed set; lists what is accepted.
    case unsupported(field: String, value: String, accepted: [String])
    /// A value that breaks a rule (must be positive, a power of two, ...).
    case invalid(field: String, value: String, expected: String)
    /// The architecture produced inconsistent shapes (a bug in gansim).
    case graph(GraphError)

    public static func == (a: ModelError, b: ModelError) -> Bool { a.description == b.description }

    public var description: String {
        switch self {
        case .unsupported(let field, let value, let accepted):
            "unsupported \(field) '\(value)'; accepted: \(accepted.joined(separator: ", "))"
        case .invalid(let field, let value, let expected):
            "invalid \(field) '\(value)': expected \(expected)"
        case .graph(let e):
            "internal error building the model: \(e)"
        }
    }
}

/// A section of `ScenarioInput`: fields as given, nil where not.
protocol ScenarioInputSection: Sendable {
    /// A section with nothing given.
    init()
    /// Sets every field `other` gives; returns their keys.
    mutating func apply(_ other: Self) -> [String]
}

extension ScenarioInputSection {
    /// Sets the field at `key` (named `name`) when `other` gives it, adding `name` to `keys`.
    mutating func take<Value>(_ key: WritableKeyPath<Self, Value?>, _ name: String, from other: Self, into keys: inout [String]) {
        guard let value = other[keyPath: key] else { return }
        self[keyPath: key] = value
        keys.append(name)
    }
}

import InputParsing

extension ScenarioInput {
    /// Checks every given field's range, whoever set it (a file, a flag, a sweep, the planner): the one place each
    /// field's bounds are checked. Errors name the field (or the flag that gave it), its value as written and its line,
    /// as the reader's do.
    public func validate() throws {
        try check(seed, "seed")
        try model?.validate(in: self)
        try recipe?.validate(in: self)
        try cluster?.validate(in: self)
        try communication?.validate(in: self)
        try mode?.validate(in: self)
        try data?.validate(in: self)
        try jitter?.validate(in: self)
        try training?.validate(in: self)
        try simulate.map { try check($0.iterations, "simulate.iterations", minimum: 1) }
        try power?.validate(in: self)
        try cost?.validate(in: self)
        try reliability?.validate(in: self)
    }

    /// Checks a whole number at `path`: at least `minimum`, at most the field's `ScenarioLimits` bound.
    func check(_ value: Int?, _ path: String, minimum: Int = 0) throws {
        guard let value else { return }
        guard value >= minimum else { throw error(path, value, "must be at least \(minimum)") }
        let limit = ScenarioLimits.integers[path] ?? ScenarioLimits.defaultMaximum
        guard value <= limit else { throw error(path, value, ScenarioLimits.reason(path, limit: "\(limit)")) }
    }

    /// Checks a decimal at `path`: at least `minimum`, at most the field's `ScenarioLimits` bound if it has one.
    func check(_ value: Double?, _ path: String, minimum: Double = 0) throws {
        guard let value else { return }
        guard value.isFinite else { throw error(path, value, "must be a finite number") }
        guard value >= minimum else { throw error(path, value, "must be at least \(minimum)") }
        if let limit = ScenarioLimits.decimals[path], value > limit {
            throw error(path, value, ScenarioLimits.reason(path, limit: "\(limit)"))
        }
    }

    /// Checks the value at `path` by `rule` (e.g. `UnitParser.bandwidth`), which takes the value, its text and the field;
    /// the rule's reason is kept, the error located where the value was written.
    func check<Value, Checked>(_ value: Value?, _ path: String, _ rule: (Value, String, String) throws -> Checked) throws {
        guard let value else { return }
        do {
            _ = try rule(value, sources[path]?.text ?? "\(value)", path)
        } catch let failure as ConfigurationError {
            throw error(path, value, failure.reason)
        }
    }

    /// Checks that the decimal at `path`, if given, is not zero (its sign and limit are `check(_:_:minimum:)`'s).
    func checkNonZero(_ value: Double?, _ path: String) throws {
        guard value == 0 else { return }
        throw error(path, value!, "must be positive")
    }

    /// The error `reason` about the field at `path` holding `value`, located where it was written.
    func error(_ path: String, _ value: some Any, _ reason: String) -> ConfigurationError {
        let source = sources[path]
        return ConfigurationError(field: source?.flag ?? path, value: source?.text ?? "\(value)", reason: reason, line: source?.line, column: source?.column)
    }
}

extension ScenarioInput {
    /// Names the field at `path` (set by the caller) as given by the command-line flag `flag`, written `text`: `validate`
    /// checks it by the file field's own rule, and its errors name the flag and that text, with no line.
    public mutating func given(byFlag flag: String, path: String, text: String) {
        sources[path] = ScenarioSource(text: text, line: nil, column: nil, order: sources[path]?.order ?? Int.max, flag: flag)
    }

    /// Sets `simulate.iterations` as the command-line flag `flag` gives it (e.g. `--iterations`).
    public mutating func simulateIterations(_ iterations: Int, flag: String) {
        var section = simulate ?? Simulate()
        section.iterations = iterations
        simulate = section
        given(byFlag: flag, path: "simulate.iterations", text: "\(iterations)")
    }
}

/// A command whose up-front checks (flag combinations, output paths) can run without its long work, which
/// `run()` does after calling `preflight()`; the fuzzer calls `preflight()` alone for commands that train or
/// need MPI.
protocol Preflighted {
    /// Checks everything that can be checked before the work starts; throws the first problem.
    func preflight() throws
}

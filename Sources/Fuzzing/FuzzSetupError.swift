/// A fixture file of the scratch folder could not be written.
public struct FuzzSetupError: Error, CustomStringConvertible {
    /// The path that failed.
    public var path: String
    public var description: String { "cannot write the fuzzer's fixture \(path); check that the temporary folder is writable" }
}

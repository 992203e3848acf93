/// How a case ended.
public enum FuzzOutcome: Sendable, Equatable {
    /// The entry point returned a result.
    case result
    /// The entry point refused the input with a clear message.
    case message(String)
    /// The entry point refused the input with a message that is not clear (raw error text, no field, several
    /// lines): a finding.
    case unclear(String)
}

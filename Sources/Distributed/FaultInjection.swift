import Foundation

/// A fault one rank of a data-parallel run injects on purpose, for the tests of the
/// fault handling (hidden `--inject-fault` flag of `gansim train`).
///
/// Written `kind:rank:step`, e.g. `exit:1:3` (rank 1 is killed by SIGKILL after its
/// third iteration, as a crashed process would be) or `hang:1:3` (rank 1 stops answering
/// after its third iteration, as a stuck process would).
public struct FaultInjection: Sendable, Hashable {
    /// What happens.
    public enum Kind: String, Sendable, CaseIterable {
        /// The process dies (SIGKILL).
        case exit
        /// The process sleeps forever.
        case hang
    }

    public var kind: Kind
    /// The rank that misbehaves.
    public var rank: Int
    /// After which iteration (1-based).
    public var step: Int

    /// Parses `kind:rank:step`.
    ///
    /// - Throws: `MPIError.invalidOption` naming the flag.
    public init(parsing text: String) throws(MPIError) {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 3, let kind = Kind(rawValue: parts[0]), let rank = Int(parts[1]), let step = Int(parts[2]),
              rank >= 0, step >= 1
        else {
            throw .invalidOption(field: "--inject-fault", value: text,
                                 expected: "kind:rank:step with kind exit or hang, e.g. exit:1:3")
        }
        self.kind = kind
        self.rank = rank
        self.step = step
    }

    /// Misbehaves if this is the chosen rank and iteration `step` has just finished.
    public func apply(rank: Int, afterStep step: Int) {
        guard rank == self.rank, step == self.step else { return }
        switch kind {
        case .exit:
            kill(getpid(), SIGKILL)
        case .hang:
            while true { sleep(60) }
        }
    }
}

import Distributed
import Foundation
import Testing

extension MPIJobs {
    /// What the launcher puts in its ranks' environment.
    @Suite struct LauncherEnvironmentTests {
        /// Ranks share the cores, so oneDNN's OpenMP threads are told to sleep rather than spin between parallel
        /// regions, unless the caller's environment already chose.
        @Test func ranksWaitPassivelyUnlessTheCallerChose() throws {
            let outcome = try MPIJobSupport.run([(1, ["/usr/bin/env"])], timeoutSeconds: 30)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            let expected = ProcessInfo.processInfo.environment["OMP_WAIT_POLICY"] ?? "PASSIVE"
            #expect(outcome.standardOutput.split(separator: "\n").contains("OMP_WAIT_POLICY=\(expected)"))
        }
    }
}

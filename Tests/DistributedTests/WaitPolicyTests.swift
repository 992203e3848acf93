import Testing
@testable import Distributed

/// Which ranks sleep in a long wait (`MPIWorld.sleepsWhileWaiting`).
@Suite struct WaitPolicyTests {
    /// Ranks whose threads have cores of their own keep yielding, as a sleeping core is slow to wake for each step of a
    /// ring; ranks whose threads outnumber the cores sleep, leaving the core to the threads they wait for.
    @Test func onlyRanksOutnumberingTheCoresSleepInALongWait() {
        let two = MPIWorld(rank: 0, size: 2), four = MPIWorld(rank: 1, size: 4)
        #expect(!two.threadsOutnumberCores(threadsEach: 1, cores: 2))
        #expect(two.threadsOutnumberCores(threadsEach: 2, cores: 2))
        #expect(!two.threadsOutnumberCores(threadsEach: 2, cores: 4))
        #expect(four.threadsOutnumberCores(threadsEach: 1, cores: 2))
        #expect(!four.threadsOutnumberCores(threadsEach: 0, cores: 8))
        #expect(MPIWorld(rank: 0, size: 1).sleepsWhileWaiting)
    }

    /// Ranks that `mpirun` bound to a core each (its default for two ranks) run on their masks' union; ranks on one
    /// mask (unbound, or bound to one socket) share it, whose count the rank's own detection already has.
    @Test func ranksBoundApartRunOnTheUnionOfTheirMasks() {
        let bound: [(host: String, cpus: [Int]?)] = [("a", [0]), ("a", [1])]
        #expect(MPIWorld.hostCores(ownCores: 1, rank: 0, ranks: bound) == 2)
        #expect(!MPIWorld(rank: 0, size: 2).threadsOutnumberCores(threadsEach: 1, cores: MPIWorld.hostCores(ownCores: 1, rank: 0, ranks: bound)))
        let shared: [(host: String, cpus: [Int]?)] = Array(repeating: ("a", [0, 1]), count: 4)
        #expect(MPIWorld.hostCores(ownCores: 2, rank: 3, ranks: shared) == 2)
        // A cgroup quota of one core on an unbound pair stands.
        #expect(MPIWorld.hostCores(ownCores: 1, rank: 1, ranks: [("a", [0, 1]), ("a", [0, 1])]) == 1)
        // Only the rank's own host counts, and an unknown mask keeps the rank's own count.
        let twoHosts: [(host: String, cpus: [Int]?)] = [("a", [0]), ("b", [1]), ("a", [2, 3])]
        #expect(MPIWorld.hostCores(ownCores: 1, rank: 0, ranks: twoHosts) == 3)
        #expect(MPIWorld.hostCores(ownCores: 1, rank: 1, ranks: twoHosts) == 1)
        #expect(MPIWorld.hostCores(ownCores: 1, rank: 0, ranks: [("a", [0]), ("a", nil)]) == 1)
    }

    /// A wait that does not sleep still ends when its poll does, and still times out.
    @Test func aWaitThatDoesNotSleepEndsAndTimesOut() throws {
        var polls = 0
        try PollLoop.run(timeoutSeconds: 10, sleeps: false, operation: "counting") { () throws(MPIError) in
            polls += 1
            return polls == 1000
        }
        #expect(polls == 1000)
        #expect(throws: MPIError.self) {
            try PollLoop.run(timeoutSeconds: 0.01, sleeps: false, operation: "never") { () throws(MPIError) in false }
        }
    }
}

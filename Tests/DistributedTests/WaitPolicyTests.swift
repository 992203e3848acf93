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

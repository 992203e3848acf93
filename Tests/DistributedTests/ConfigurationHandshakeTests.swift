import Testing
@testable import Distributed

/// The comparison behind the start-up configuration check.
@Suite struct ConfigurationHandshakeTests {
    @Test func theFirstDifferingFieldIsNamedWithEveryRanksValue() {
        let r0 = [(name: "model", value: "mlp-gan"), (name: "batch", value: "64"), (name: "seed", value: "1")]
        let r1 = [(name: "model", value: "mlp-gan"), (name: "batch", value: "32"), (name: "seed", value: "2")]
        #expect(ConfigurationHandshake.firstMismatch([r0, r0]) == nil)
        let error = ConfigurationHandshake.firstMismatch([r0, r1])
        #expect(error == .configurationMismatch(field: "batch", values: ["64", "32"]))
        #expect("\(error!)".contains("batch is '64' on rank 0, '32' on rank 1"))
    }

    @Test func differentFieldListsAreAMismatch() {
        let r0 = [(name: "model", value: "mlp-gan")]
        let r1 = [(name: "model", value: "mlp-gan"), (name: "extra", value: "1")]
        #expect(ConfigurationHandshake.firstMismatch([r0, r1]) != nil)
    }

    @Test func faultSpecificationsAreParsedOrRefused() throws {
        let f = try FaultInjection(parsing: "hang:1:3")
        #expect(f.kind == .hang && f.rank == 1 && f.step == 3)
        #expect(throws: MPIError.self) { try FaultInjection(parsing: "crash:1:3") }
        #expect(throws: MPIError.self) { try FaultInjection(parsing: "exit:1:0") }
    }
}

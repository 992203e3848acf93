import InputParsing
import Testing
@testable import Simulator

/// `ScenarioInput.validate` bounds every field, whoever set it: a unit-parsed field set in code (the planner, a
/// published run) meets the rule its file's value meets.
@Suite struct ScenarioInputChecksTests {
    /// The error composing an input with only `set` given, as a sweep or the planner would give it (no line).
    static func error(_ set: (inout ScenarioInput) -> Void) -> String {
        var fields = ScenarioInput()
        set(&fields)
        var input = ScenarioInput()
        input.apply(fields)
        do { _ = try TrainingScenario(input: input, defaultName: "x"); return "" } catch { return "\(error)" }
    }

    @Test func unitParsedFieldsAreBoundedWhenSetInCode() {
        #expect(Self.error { $0.cluster = .init(); $0.cluster?.bandwidth = 0 } == "cluster.bandwidth = 0.0: bandwidth must be positive")
        #expect(Self.error { $0.cluster = .init(); $0.cluster?.latency = -1 } == "cluster.latency = -1.0: must be a finite value, zero or more")
        #expect(Self.error { $0.cluster = .init(); $0.cluster?.torus = [0, 4] }
            == "cluster.torus = [0, 4]: expected sizes of at least 1 joined by x, e.g. 4x4 or 4x4x4")
        #expect(Self.error { $0.data = .init(); $0.data?.storageBandwidth = .infinity }
            == "data.storageBandwidth = inf: must be a finite value, zero or more")
        #expect(Self.error { $0.data = .init(); $0.data?.bytesPerSample = 2e18 }
            == "data.bytesPerSample = 2e+18: must be at most 1 EiB (1152921504606846976 bytes)")
        #expect(Self.error { $0.data = .init(); $0.data?.bytesPerSample = 0 } == "data.bytesPerSample = 0.0: must be positive")
        #expect(Self.error { $0.data = .init(); $0.data?.decodeRatePerCore = 0 } == "data.decodeRatePerCore = 0.0: must be positive")
        #expect(Self.error { $0.communication = .init(); $0.communication?.bucket = -1 }
            == "communication.bucket = -1.0: must be a finite value, zero or more")
        #expect(Self.error { $0.communication = .init(); $0.communication?.bucket = 0 } == "communication.bucket = 0.0: must be positive")
        #expect(Self.error { $0.reliability = .init(); $0.reliability?.detectTime = -1 }
            == "reliability.detectTime = -1.0: must be a finite value, zero or more")
        #expect(Self.error { $0.reliability = .init(); $0.reliability?.restartTime = .infinity }
            == "reliability.restartTime = inf: must be a finite value, zero or more")
        #expect(Self.error { $0.reliability = .init(); $0.reliability?.checkpointInterval = .seconds(0) }
            == "reliability.checkpointInterval = seconds(0.0): must be a positive duration (e.g. 2h) or optimal (Young–Daly)")
        #expect(Self.error { $0.reliability = .init(); $0.reliability?.checkpointBandwidth = 0 }
            == "reliability.checkpointBandwidth = 0.0: bandwidth must be positive")
    }

    @Test func aFlagSettingAFieldIsCheckedByTheFieldsRuleAndNamed() {
        var input = ScenarioInput()
        input.simulateIterations(0, flag: "--iterations")
        #expect(throws: ConfigurationError(field: "--iterations", value: "0", reason: "must be at least 1")) { try input.validate() }
        input.simulateIterations(3, flag: "--iterations")
        input.reliability = .init()
        input.reliability?.failuresPerDeviceHour = .infinity
        input.given(byFlag: "--failures-per-device-hour", path: "reliability.failuresPerDeviceHour", text: "inf")
        #expect(throws: ConfigurationError(field: "--failures-per-device-hour", value: "inf", reason: "must be a finite number")) {
            try input.validate()
        }
    }
}

import ArgumentParser
import Simulator

/// The failure and checkpoint flags of `gansim plan`: the scenario's `reliability` section on the command line.
struct ReliabilityOptions: ParsableArguments {
    @Option(help: "Interruptions per device-hour (default: Llama 3's GPU issues on 16,384 H100s, \(FailureRates.llama3.perDeviceHour)).")
    var failuresPerDeviceHour: Double?

    @Option(help: "Interruptions per server-hour (default: Llama 3's other causes, \(FailureRates.llama3.perServerHour)).")
    var failuresPerServerHour: Double?

    @Option(help: "Training time between checkpoints, e.g. 2h, or optimal (Young–Daly, the default).")
    var checkpointInterval: String?

    /// The spec the flags describe: the scenario's `reliability` fields, checked by the scenario's own rules; errors
    /// name the flag and value.
    func spec() throws -> ReliabilitySpec {
        var section = ScenarioInput.Reliability()
        section.failuresPerDeviceHour = failuresPerDeviceHour
        section.failuresPerServerHour = failuresPerServerHour
        section.checkpointInterval = try checkpointInterval.map { try CheckpointInterval(parsing: $0, field: "--checkpoint-interval") }
        var input = ScenarioInput()
        input.reliability = section
        for (flag, key, value) in [("--failures-per-device-hour", "failuresPerDeviceHour", failuresPerDeviceHour),
                                   ("--failures-per-server-hour", "failuresPerServerHour", failuresPerServerHour)] {
            if let value { input.given(byFlag: flag, path: "reliability.\(key)", text: "\(value)") }
        }
        try input.validate()
        return ReliabilitySpec(section: section)
    }
}

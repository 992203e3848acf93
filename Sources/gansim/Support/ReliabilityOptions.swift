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

    /// The spec the flags describe; errors name the flag and value.
    func spec() throws -> ReliabilitySpec {
        var spec = ReliabilitySpec()
        for (flag, value) in [("--failures-per-device-hour", failuresPerDeviceHour), ("--failures-per-server-hour", failuresPerServerHour)] {
            if let value, !(value >= 0 && value.isFinite) {
                throw ValidationError("\(flag) \(value): must be a finite number of interruptions per hour, at least 0")
            }
        }
        spec.rates.perDeviceHour = failuresPerDeviceHour ?? spec.rates.perDeviceHour
        spec.rates.perServerHour = failuresPerServerHour ?? spec.rates.perServerHour
        if let text = checkpointInterval { spec.interval = try CheckpointInterval(parsing: text, field: "--checkpoint-interval") }
        return spec
    }
}

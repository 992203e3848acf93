import ArgumentParser
import CostModel
import Workload

/// The `--profile` flags of the cluster commands: calibrated profiles in place of the catalog entries of their devices.
struct ProfileOptions: ParsableArguments {
    @Option(name: .customLong("profile"),
            help: "A device profile file written by `gansim calibrate`; it replaces the catalog profile of its device wherever that device is used (repeat for several devices).")
    var files: [String] = []

    /// The catalog with the given profiles in place.
    func resolve() throws -> DeviceProfiles { try DeviceProfiles(files: files) }
}

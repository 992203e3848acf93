import ArgumentParser
import CostModel
import Workload

/// The flags that choose a device profile: a catalog name, or a calibrated profile file.
struct DeviceOptions: ParsableArguments {
    @Option(help: "Device profile from the catalog (see `gansim devices`).")
    var device: String = "a100-80gb"

    @Option(help: "A device profile file written by `gansim calibrate` (overrides --device).")
    var profile: String?

    /// The chosen profile.
    func resolve() throws -> DeviceProfile {
        if let path = profile { return try DeviceProfile.load(path: path) }
        return try DeviceCatalog.profile(named: device)
    }
}

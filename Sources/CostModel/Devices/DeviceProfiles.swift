import Workload
/// The device profiles a command prices with: the catalog's, with calibrated profiles in place of the entries they were fitted for.
///
/// A calibrated profile (`gansim calibrate`, or a file written by hand) keeps the catalog name
/// of its device (`DeviceProfile.name`, e.g. `h100`); wherever a scenario, sweep point or plan
/// asks for that device, the calibrated profile is used instead of the catalog's.
public struct DeviceProfiles: Sendable, Hashable {
    /// Calibrated profiles by catalog name.
    public private(set) var overrides: [String: DeviceProfile] = [:]
    /// Where each override was read from, for messages.
    public private(set) var sources: [String: String] = [:]

    /// The catalog alone.
    public static let catalog = DeviceProfiles()

    public init() {}

    /// The catalog with the profile files at `paths` in place of their devices; a file that does not decode, or two
    /// files for the same device, are errors naming the file.
    public init(files paths: [String]) throws(CalibrationError) {
        for path in paths {
            let profile = try DeviceProfile.load(path: path)
            if let earlier = sources[profile.name] {
                throw .unusableProfile(file: path, reason: "a second profile of \(profile.name) (the first is \(earlier))")
            }
            overrides[profile.name] = profile
            sources[profile.name] = path
        }
    }

    /// The catalog with `profiles` (already loaded) in place of their devices; a later one of the same device wins.
    public init(profiles: [DeviceProfile]) {
        for profile in profiles {
            overrides[profile.name] = profile
            sources[profile.name] = "(\(profile.name), in memory)"
        }
    }

    /// The profile of the device called `name` (a catalog name or alias): the calibrated one if given, else the catalog's.
    public func profile(named name: String) throws(ModelError) -> DeviceProfile {
        let entry = try DeviceCatalog.profile(named: name)
        return overrides[entry.name] ?? entry
    }

    /// Checks that every calibrated profile is for one of `devices` (catalog names), so that a profile is never silently
    /// unused; the error names the file, its device and the devices in use.
    public func checkUsed(by devices: [String]) throws(CalibrationError) {
        var used: [String] = []
        for device in devices where !used.contains(device) { used.append(device) }
        for (name, path) in sources.sorted(by: { $0.key < $1.key }) where !used.contains(name) {
            throw .unusableProfile(file: path, reason: "it is a profile of \(name), which this run does not use (it uses \(used.joined(separator: ", ")))")
        }
    }
}

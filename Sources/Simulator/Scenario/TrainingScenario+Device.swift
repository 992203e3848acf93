import CostModel
import InputParsing

extension TrainingScenario {
    /// The device profile and host CPU of the scenario's `cluster` section: `device` (the server's or TPU's own by
    /// default), `profile` (a calibrated profile of that device) and `host` (the server's by default), the device's
    /// GPU execution model moved onto that host; errors name the field, value and line.
    static func device(in cluster: inout ScenarioYAMLSection, kind: TopologyKind, profiles: DeviceProfiles,
                       directory: String?) throws -> (DeviceProfile, HostCPU?) {
        let deviceName = try cluster.string("device") ?? kind.server?.deviceName ?? kind.tpu?.deviceName
        guard let deviceName else {
            throw cluster.locate(ConfigurationError(field: "device", value: "", reason: "parametric topologies need a device kind, e.g. a100-80gb"), key: "device")
        }
        var device: DeviceProfile
        do { device = try profiles.profile(named: deviceName) } catch {
            throw cluster.locate(ConfigurationError(field: "device", value: deviceName, reason: "\(error)"), key: "device")
        }
        if let path = try cluster.string("profile") {
            device = try Self.profile(path: path, directory: directory, for: device, cluster: &cluster)
        }
        var host = kind.server?.hostCPU
        if let name = try cluster.string("host") {
            do { host = try HostCPU.named(name) } catch {
                throw cluster.locate(ConfigurationError(field: "host", value: name, reason: "\(error)"), key: "host")
            }
        }
        if let host {
            do { device = try device.onHost(host) } catch {
                throw cluster.locate(ConfigurationError(field: "device", value: device.name, reason: "\(error)"), key: "device")
            }
        }
        return (device, host)
    }

    /// The calibrated profile a scenario names in `cluster.profile` (relative paths from `directory`), which must be a
    /// profile of the cluster's device `device`.
    private static func profile(path: String, directory: String?, for device: DeviceProfile, cluster: inout ScenarioYAMLSection) throws -> DeviceProfile {
        let file = path.hasPrefix("/") || directory == nil ? path : "\(directory!)/\(path)"
        let loaded: DeviceProfile
        do { loaded = try DeviceProfile.load(path: file) } catch {
            throw cluster.locate(ConfigurationError(field: "profile", value: path, reason: "\(error)"), key: "profile")
        }
        guard loaded.name == device.name else {
            throw cluster.locate(ConfigurationError(
                field: "profile", value: path,
                reason: "is a profile of \(loaded.name), but the cluster's devices are \(device.name); calibrate \(device.name) or set cluster.device: \(loaded.name)"),
                key: "profile")
        }
        return loaded
    }
}

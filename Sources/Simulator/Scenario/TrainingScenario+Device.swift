import CostModel
import InputParsing

extension TrainingScenario {
    /// The device profile and host CPU of the scenario's `cluster` section: `device` (the server's or TPU's own by
    /// default), `profile` (a calibrated profile of that device) and `host` (the server's by default), the device's
    /// GPU execution model moved onto that host; errors name the field, value and line.
    static func device(in input: ScenarioInput, cluster: ScenarioInput.Cluster, kind: TopologyKind, profiles: DeviceProfiles,
                       directory: String?) throws -> (DeviceProfile, HostCPU?) {
        let deviceName = cluster.device ?? kind.server?.deviceName ?? kind.tpu?.deviceName
        guard let deviceName else {
            throw input.locate(ConfigurationError(field: "device", value: "", reason: "parametric topologies need a device kind, e.g. a100-80gb"), section: "cluster", key: "device")
        }
        var device: DeviceProfile
        do { device = try profiles.profile(named: deviceName) } catch {
            throw input.locate(ConfigurationError(field: "device", value: deviceName, reason: "\(error)"), section: "cluster", key: "device")
        }
        if let path = cluster.profile {
            device = try Self.profile(path: path, directory: directory, for: device, in: input)
        }
        var host = kind.server?.hostCPU
        if let name = cluster.host {
            do { host = try HostCPU.named(name) } catch {
                throw input.locate(ConfigurationError(field: "host", value: name, reason: "\(error)"), section: "cluster", key: "host")
            }
        }
        if let host {
            do { device = try device.onHost(host) } catch {
                throw input.locate(ConfigurationError(field: "device", value: device.name, reason: "\(error)"), section: "cluster", key: "device")
            }
        }
        return (device, host)
    }

    /// The calibrated profile a scenario names in `cluster.profile` (relative paths from `directory`), which must be a
    /// profile of the cluster's device `device`.
    private static func profile(path: String, directory: String?, for device: DeviceProfile, in input: ScenarioInput) throws -> DeviceProfile {
        let file = path.hasPrefix("/") || directory == nil ? path : "\(directory!)/\(path)"
        let loaded: DeviceProfile
        do { loaded = try DeviceProfile.load(path: file) } catch {
            throw input.locate(ConfigurationError(field: "profile", value: path, reason: "\(error)"), section: "cluster", key: "profile")
        }
        guard loaded.name == device.name else {
            throw input.locate(ConfigurationError(
                field: "profile", value: path,
                reason: "is a profile of \(loaded.name), but the cluster's devices are \(device.name); calibrate \(device.name) or set cluster.device: \(loaded.name)"),
                section: "cluster", key: "profile")
        }
        return loaded
    }
}

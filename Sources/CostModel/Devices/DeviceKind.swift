import Workload
/// The family of an accelerator, which decides how its matrix units are modelled.
public enum DeviceKind: String, Codable, Sendable, Hashable {
    case gpu
    case tpu
    case cpu
}

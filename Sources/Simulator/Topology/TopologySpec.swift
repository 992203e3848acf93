import Foundation
import InputParsing

/// A request for a topology: a kind, a device count and the knobs that kind takes.
///
/// Server kinds become one server when `devices` fits in one, else a leaf-spine cluster
/// of `devices / gpusPerServer` servers. TPU kinds and `torus` use `torusDimensions`,
/// or the most nearly square (cubic) factorisation of `devices`.
public struct TopologySpec: Sendable, Hashable {
    /// The topology family.
    public var kind: TopologyKind
    /// Number of devices.
    public var devices: Int
    /// Per-direction link bandwidth for parametric kinds, in bytes per second.
    public var bandwidthBytesPerSecond: Double?
    /// Per-hop link latency for parametric kinds, in seconds.
    public var latencySeconds: Double?
    /// Inter-server network; nil means the server's own (EDR for DGX-1, HDR for DGX A100, ...).
    public var fabric: FabricKind?
    /// Servers per leaf switch.
    public var serversPerLeaf: Int
    /// Leaf uplink oversubscription (1 = non-blocking).
    public var oversubscription: Double
    /// Torus dimension sizes; empty means derived from `devices`.
    public var torusDimensions: [Int]

    /// Creates a request.
    public init(
        kind: TopologyKind, devices: Int, bandwidthBytesPerSecond: Double? = nil, latencySeconds: Double? = nil,
        fabric: FabricKind? = nil, serversPerLeaf: Int = 4, oversubscription: Double = 1, torusDimensions: [Int] = []
    ) {
        self.kind = kind
        self.devices = devices
        self.bandwidthBytesPerSecond = bandwidthBytesPerSecond
        self.latencySeconds = latencySeconds
        self.fabric = fabric
        self.serversPerLeaf = serversPerLeaf
        self.oversubscription = oversubscription
        self.torusDimensions = torusDimensions
    }

    /// The most devices a topology holds: routes and schedules keep a few entries per device pair along a route.
    public static let maximumDevices = 16_384

    /// Builds and validates the topology.
    public func build() throws -> Topology {
        guard devices >= 1 else {
            throw ConfigurationError(field: "devices", value: "\(devices)", reason: "need at least one device")
        }
        guard devices <= TopologySpec.maximumDevices else {
            throw ConfigurationError(
                field: "devices", value: "\(devices)",
                reason: "must be at most \(TopologySpec.maximumDevices): gansim builds topologies of up to \(TopologySpec.maximumDevices) devices")
        }
        if torusDimensions.count > 8 {
            throw ConfigurationError(field: "torus", value: torusDimensions.map(String.init).joined(separator: "x"), reason: "a torus has at most 8 dimensions")
        }
        let topology: Topology
        if let server = kind.server {
            try rejectLinkFigures()
            if devices <= server.gpusPerServer && fabric == nil {
                topology = Topologies.server(server)
            } else {
                guard devices % server.gpusPerServer == 0 else {
                    throw ConfigurationError(
                        field: "devices", value: "\(devices)",
                        reason: "\(kind.rawValue) clusters come in whole servers of \(server.gpusPerServer) GPUs")
                }
                topology = try Topologies.cluster(
                    server: server, servers: devices / server.gpusPerServer, fabric: fabric ?? server.defaultFabric,
                    serversPerLeaf: serversPerLeaf, oversubscription: oversubscription)
            }
        } else if let tpu = kind.tpu {
            try rejectLinkFigures()
            topology = try Topologies.tpu(tpu, dimensions: try dimensions(rank: tpu.torusRank))
        } else {
            let link = try parametricLink()
            switch kind {
            case .ring: topology = Topologies.ring(devices: devices, link: link)
            case .fullyConnected: topology = Topologies.fullyConnected(devices: devices, link: link)
            case .switched: topology = Topologies.switched(devices: devices, link: link)
            default:
                let dimensions = try dimensions(rank: torusDimensions.isEmpty ? 2 : torusDimensions.count)
                topology = try Topologies.torus(
                    dimensions: dimensions, link: link, chipsPerHost: 1, hostLink: link, hostCores: 0, name: "torus")
            }
        }
        try topology.validate()
        return topology
    }

    private func parametricLink() throws -> LinkSpec {
        guard let bandwidth = bandwidthBytesPerSecond else {
            throw ConfigurationError(field: "bandwidth", value: "", reason: "the \(kind.rawValue) topology needs a link bandwidth (e.g. 50GB/s)")
        }
        guard bandwidth > 0, bandwidth.isFinite else {
            throw ConfigurationError(field: "bandwidth", value: "\(bandwidth)", reason: "bandwidth must be a positive number of bytes per second")
        }
        guard let latency = latencySeconds else {
            throw ConfigurationError(field: "latency", value: "", reason: "the \(kind.rawValue) topology needs a link latency (e.g. 1us)")
        }
        guard latency >= 0, latency.isFinite else {
            throw ConfigurationError(field: "latency", value: "\(latency)", reason: "latency must be a finite number of seconds, zero or more")
        }
        return LinkSpec(kind: .generic, bandwidthBytesPerSecond: bandwidth, latencySeconds: latency)
    }

    private func rejectLinkFigures() throws {
        if let bandwidth = bandwidthBytesPerSecond {
            throw ConfigurationError(field: "bandwidth", value: "\(bandwidth)", reason: "\(kind.rawValue) uses its published link figures; bandwidth applies to ring, fully-connected, switch and torus")
        }
        if let latency = latencySeconds {
            throw ConfigurationError(field: "latency", value: "\(latency)", reason: "\(kind.rawValue) uses its published link figures; latency applies to ring, fully-connected, switch and torus")
        }
    }

    private func dimensions(rank: Int) throws -> [Int] {
        let text = torusDimensions.map(String.init).joined(separator: "x")
        if !torusDimensions.isEmpty {
            let product = torusDimensions.reduce(1.0) { $0 * Double($1) }
            guard product == Double(devices) else {
                throw ConfigurationError(field: "torus", value: text, reason: "the dimensions multiply to \(product < 1e15 ? "\(Int(product))" : "\(product)"), not to the \(devices) devices")
            }
            return torusDimensions
        }
        // The most nearly square (cubic) factorisation, largest dimension first.
        var remaining = devices
        var result: [Int] = []
        for left in stride(from: rank, through: 1, by: -1) {
            if left == 1 {
                result.append(remaining)
                break
            }
            var size = max(1, Int(pow(Double(remaining), 1 / Double(left)) + 1e-9))
            while remaining % size != 0 { size -= 1 }
            result.append(size)
            remaining /= size
        }
        return result.sorted(by: >)
    }

    /// The torus shape written as sizes joined by `x` (`4x4x4`), every size a whole number of at least 1, as the
    /// `--torus` flag gives it. Errors name `field`.
    public static func torusDimensions(parsing text: String, field: String) throws -> [Int] {
        let sizes = try torusDimensions(reading: text, field: field)
        try checkTorus(sizes, written: text, field: field)
        return sizes
    }

    /// The torus shape written as whole numbers joined by `x`, unbounded: the scenario's `cluster.torus` reader
    /// parses, its section's `validate` bounds with `checkTorus`.
    static func torusDimensions(reading text: String, field: String) throws -> [Int] {
        let sizes = text.split(separator: "x", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard sizes.allSatisfy({ $0 != nil }) else { throw torusError(text, field: field) }
        return sizes.map { $0! }
    }

    /// Throws unless every size is at least 1; errors name `field` and `text`, the value as written.
    static func checkTorus(_ sizes: [Int], written text: String, field: String) throws {
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 >= 1 }) else { throw torusError(text, field: field) }
    }

    private static func torusError(_ text: String, field: String) -> ConfigurationError {
        ConfigurationError(field: field, value: text, reason: "expected sizes of at least 1 joined by x, e.g. 4x4 or 4x4x4")
    }
}

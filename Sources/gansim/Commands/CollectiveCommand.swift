import ArgumentParser
import Foundation
import Simulator
import InputParsing
import Reports

/// `gansim collective`: simulate one collective on its own and report its simulated time.
struct CollectiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collective",
        abstract: "Simulate one collective (allreduce, reducescatter, allgather) on a topology.",
        discussion: """
            Sizes take units (64MiB, 1GB), bandwidths too (50GB/s, 400Gb/s), latencies as well
            (500ns, 2us); bare numbers are bytes, bytes per second and seconds. Parametric
            topologies (ring, fully-connected, switch, torus) need --bandwidth and --latency;
            server and TPU topologies use their published link figures.
            """)

    @Argument(help: "The collective: \(CollectiveOperation.allCases.map(\.rawValue).joined(separator: ", ")).")
    var operation: CollectiveOperation

    @Option(help: "Decomposition: \(CollectiveAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")).")
    var algorithm: CollectiveAlgorithm = .ring

    @Option(help: "Number of devices taking part.")
    var devices: Int = 8

    @Option(help: "Message size per device (e.g. 64MiB).")
    var bytes: String = "64MiB"

    @Option(help: "Per-direction link bandwidth for parametric topologies (e.g. 50GB/s).")
    var bandwidth: String?

    @Option(help: "Per-hop link latency for parametric topologies (e.g. 1us).")
    var latency: String?

    @Option(help: "Pipeline chunks per transfer.")
    var chunks: Int = 1

    @Option(help: "Topology: \(TopologyKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var topology: TopologyKind = .ring

    @Option(help: "Inter-server network for server topologies: \(FabricKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var fabric: FabricKind?

    @Option(help: "Servers per leaf switch in multi-server clusters.")
    var serversPerLeaf: Int = 4

    @Option(help: "Leaf uplink oversubscription ratio (1 = non-blocking, 4 = 4:1).")
    var oversubscription: Double = 1

    @Option(help: "Torus dimensions, e.g. 4x4 or 4x4x4 (default: derived from --devices).")
    var torus: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        do { try simulate() } catch var error as ConfigurationError {
            // The library names the request's fields; here they are flags.
            let flags = ["devices": "--devices", "torus": "--torus", "bandwidth": "--bandwidth", "latency": "--latency", "chunks": "--chunks",
                         "serversPerLeaf": "--servers-per-leaf", "oversubscription": "--oversubscription"]
            error.field = flags[error.field] ?? error.field
            throw error
        }
    }

    private func simulate() throws {
        let spec = TopologySpec(
            kind: topology, devices: devices,
            bandwidthBytesPerSecond: try bandwidth.map { try UnitParser.bytesPerSecond($0, field: "--bandwidth") },
            latencySeconds: try latency.map { try UnitParser.seconds($0, field: "--latency") },
            fabric: fabric, serversPerLeaf: serversPerLeaf, oversubscription: oversubscription,
            torusDimensions: try torusDimensions())
        let built = try spec.build()
        let result = try CollectiveSimulation.run(
            operation: operation, algorithm: algorithm, topology: built, devices: devices,
            bytes: try UnitParser.bytes(bytes, field: "--bytes"), chunks: chunks)
        if json {
            print(try JSONOutput.string(result))
        } else {
            print(CollectiveReport(result: result).text)
        }
    }

    private func torusDimensions() throws -> [Int] {
        guard let torus else { return [] }
        return try TopologySpec.torusDimensions(parsing: torus, field: "--torus")
    }
}

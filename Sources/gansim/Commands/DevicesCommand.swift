import Reports
import ArgumentParser
import CostModel
import Simulator
import Workload

/// `gansim devices`: the device catalog.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices", abstract: "List the device profiles, the server presets and TPU slices (`cluster.topology`), and host CPUs.")

    @Flag(help: "Machine-readable JSON output.")
    var json = false

    /// Whether the profile's time model is calibrated (and against what) or a prior.
    static func calibration(_ d: DeviceProfile) -> String {
        if let execution = d.execution, let validated = d.validatedError {
            let architectures = ImplementationProfile.all.filter { $0.name == execution.implementation }.flatMap(\.architectures)
            let how = validated.transferredFrom.map { "transferred from \($0)" } ?? "calibrated"
            // Other GPU implementations carry the model transferred (wider ranges).
            let others = ImplementationProfile.all.filter { $0.name != execution.implementation && $0.deviceKinds.contains(d.kind)
                && $0.hostLaunches == .eager && !$0.architectures.isEmpty }
            let transferred = others.map { "\($0.architectures.map(\.rawValue).joined(separator: ", ")) (\($0.name))" }
            return "\(how) for \(architectures.map(\.rawValue).joined(separator: ", ")) (\(execution.implementation)): "
                + String(format: "%+.0f%%..%+.0f%%", validated.lowestError * 100, validated.highestError * 100)
                + " over \(validated.runs) runs"
                + (transferred.isEmpty ? "" : "; transferred to \(transferred.joined(separator: ", "))")
                + "; other architectures: prior"
        }
        return d.opClasses == nil ? "prior" : "op classes fitted"
    }

    /// The line on the detected `cpu` profile: its name, cores and fp32 peak, and where the numbers come from.
    static func localCPU(_ cpu: DeviceProfile) -> String {
        "cpu: \(cpu.displayName), \(cpu.cores.map { "\($0) cores" } ?? "all cores"), "
            + "\(Units.count(cpu.matrixPeakFLOPS[.fp32] ?? 0, unit: "FLOP/s")) fp32 peak; \(cpu.source)"
    }

    func run() throws {
        let devices = DeviceCatalog.all
        if json {
            print(try JSONOutput.string(devices))
            return
        }
        var table = TextTable(["device", "name", "memory", "bandwidth", "matrix peak", "power", "$/h", "time model"], leftAligned: [0, 1, 4, 7])
        for d in devices {
            let peaks = d.supportedPrecisions.map { p in
                "\(p.rawValue) \(Units.count(d.matrixPeakFLOPS[p]!, unit: "FLOP/s"))"
            }.joined(separator: ", ")
            table.add([d.name, d.displayName, Units.bytes(d.memoryBytes),
                       Units.count(d.memoryBandwidth, unit: "B/s"), peaks, "\(Int(d.busyWatts)) W",
                       String(format: "%.2f", d.usdPerHour), Self.calibration(d)])
        }
        print(table.render())
        print(Self.localCPU(DeviceCatalog.cpu))
        print()
        var implementations = TextTable(["implementation", "trains", "on", "launches", "data parallel", "source"], leftAligned: [0, 1, 2, 3, 4, 5])
        for i in ImplementationProfile.all {
            implementations.add([i.name, i.architectures.isEmpty ? "any" : i.architectures.map(\.rawValue).joined(separator: ", "),
                                 i.deviceKinds.map(\.rawValue).joined(separator: ", "), i.hostLaunches.rawValue,
                                 i.dataParallel.rawValue, i.source])
        }
        print(implementations.render())
        print()
        print(Self.serversAndPods().render())
        print()
        var hosts = TextTable(["host CPU", "model", "boost clock", "source"], leftAligned: [0, 1, 3])
        for h in HostCPU.all { hosts.add([h.name, h.model, String(format: "%.2f GHz", h.boostClockGHz), h.source]) }
        print(hosts.render())
        print("calibrated: fitted to measured runs, with the validated error range every prediction carries; "
            + "transferred: a calibrated model carried to another GPU, its range widened; "
            + "prior: priced from its spec sheet (peaks and typical efficiencies; no measurements), error unknown")
    }

    /// The server presets and TPU slices a scenario's `cluster.topology` accepts, with what each is built from.
    static func serversAndPods() -> TextTable {
        var table = TextTable(["servers and pods", "devices", "device link", "default fabric", "host CPU", "system power", "basis"],
                              leftAligned: [0, 1, 2, 3, 4, 6])
        for kind in TopologyKind.allCases {
            if let server = kind.server {
                table.add([server.rawValue, "\(server.gpusPerServer)x \(server.deviceName)", server.gpuLinkSummary,
                           server.defaultFabric.rawValue, server.hostCPU.name,
                           String(format: "%.1f kW (host %.1f W/GPU)", server.systemWatts / 1000, server.hostWattsPerGPU),
                           server.basis])
            } else if let tpu = kind.tpu {
                let size = tpu.maximumChips.map { ", up to \($0)" } ?? ""
                table.add([tpu.rawValue, "\(tpu.chipsPerHost)x \(tpu.deviceName) per host\(size)", "ICI \(tpu.torusRank)-D torus", "-",
                           "\(tpu.hostCores) vCPUs", String(format: "host %.0f W/chip (assumed)", PowerSpec.assumedHostWatts),
                           tpu.basis])
            }
        }
        return table
    }
}

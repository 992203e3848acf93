import Reports
import ArgumentParser
import CostModel
import Workload

/// `gansim devices`: the device catalog.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "devices", abstract: "List the device profiles.")

    @Flag(help: "Machine-readable JSON output.")
    var json = false

    func run() throws {
        let devices = DeviceCatalog.all
        if json {
            print(try JSONOutput.string(devices))
            return
        }
        var table = TextTable(["device", "name", "memory", "bandwidth", "matrix peak", "power", "$/h"], leftAligned: [0, 1, 4])
        for d in devices {
            let peaks = d.supportedPrecisions.map { p in
                "\(p.rawValue) \(Units.count(d.matrixPeakFLOPS[p]!, unit: "FLOP/s"))"
            }.joined(separator: ", ")
            table.add([d.name, d.displayName, Units.bytes(d.memoryBytes),
                       Units.count(d.memoryBandwidth, unit: "B/s"), peaks, "\(Int(d.busyWatts)) W",
                       String(format: "%.2f", d.usdPerHour)])
        }
        print(table.render())
    }
}

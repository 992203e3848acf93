import ArgumentParser
import CostModel
import Workload
import Reports

/// `gansim models`: the architectures gansim builds, with their knobs and presets.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "models", abstract: "List the GAN architectures.")

    @Flag(help: "Machine-readable JSON output.")
    var json = false

    /// One architecture as listed.
    struct Entry: Encodable {
        var name: String
        var summary: String
        var resolutions: [Int]
        var defaultResolution: Int
        var width: String
        var defaultWidth: Int
        var presets: [String]
    }

    func run() throws {
        let entries = Architecture.allCases.map { a in
            Entry(name: a.rawValue, summary: a.summary, resolutions: a.supportedResolutions,
                  defaultResolution: a.defaultResolution, width: a.widthKnob.name,
                  defaultWidth: a.widthKnob.defaultValue, presets: a.presets)
        }
        if json {
            print(try JSONOutput.string(entries))
            return
        }
        var table = TextTable(["model", "resolutions", "--width (default)", "presets", "what"], leftAligned: [0, 1, 2, 3, 4])
        for e in entries {
            let res = e.resolutions == [0] ? "2-D points" : e.resolutions.map(String.init).joined(separator: ",")
            table.add([e.name, res, "\(e.width) (\(e.defaultWidth))", e.presets.joined(separator: ","), e.summary])
        }
        print(table.render())
    }
}

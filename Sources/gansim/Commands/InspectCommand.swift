import Reports
import ArgumentParser
import CostModel
import Workload
import Foundation

/// `gansim inspect`: parameters, FLOPs, memory and step time of one model on one device.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Parameters, compute, memory and iteration time of a GAN on one device.",
        discussion: "Example: gansim inspect biggan --resolution 128 --width 96 --batch 32 --device a100-80gb")

    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var recipeOptions: RecipeOptions

    @OptionGroup var deviceOptions: DeviceOptions

    @Flag(help: "Machine-readable JSON output.")
    var json = false

    func run() throws {
        let config = try modelOptions.config()
        let recipe = try recipeOptions.recipe(for: config.architecture)
        let profile = try deviceOptions.resolve()
        let report = try Inspection(config: config, recipe: recipe, device: profile)
        print(json ? try JSONOutput.string(report) : Self.render(report))
    }

    /// The human-readable report.
    static func render(_ r: Inspection) -> String {
        var out: [String] = []
        out.append("\(r.model) on \(r.device), \(r.precision), batch \(r.recipe.batchPerDevice) per device"
            + (r.recipe.accumulation > 1 ? " x \(r.recipe.accumulation) accumulated" : ""))
        out.append("")
        var nets = TextTable(["network", "parameters", "ops", "fwd FLOPs/sample", "train FLOPs/sample", "output"])
        for (name, n) in [("generator", r.generator), ("discriminator", r.discriminator)] {
            nets.add([name, Units.grouped(n.parameters), "\(n.ops)", Units.count(Double(n.forwardFLOPsPerSample)),
                      Units.count(Double(n.trainingFLOPsPerSample)), n.outputShape])
        }
        out.append(nets.render())
        out.append("")
        let it = r.iteration
        var recipe = "recipe: \(r.recipe.discriminatorSteps) D step(s) per G step, \(r.recipe.optimizer.rawValue)"
        if r.recipe.ema { recipe += ", EMA" }
        if r.recipe.r1Interval > 0 { recipe += ", lazy R1 every \(r.recipe.r1Interval)" }
        if r.recipe.pathLengthInterval > 0 { recipe += ", path length every \(r.recipe.pathLengthInterval)" }
        if let n = r.recipe.precision.highestResolutions { recipe += ", \(r.precision) in the \(n) highest resolutions" }
        out.append(recipe)
        var iter = TextTable(["iteration", "value"])
        iter.add(["FLOPs", Units.count(it.flops, unit: "FLOP")])
        iter.add(["memory traffic", Units.count(it.bytes, unit: "B")])
        iter.add(["work items (op passes)", String(format: "%.0f", it.workItems)])
        if let kernels = it.kernels { iter.add(["kernels launched", String(format: "%.0f", kernels)]) }
        for phase in it.phaseSeconds.keys.sorted() {
            iter.add(["time in \(phase) phase", Units.seconds(it.phaseSeconds[phase]!)])
        }
        iter.add(["time in optimizer/EMA", Units.seconds(it.updateSeconds)])
        iter.add(["step time", Units.seconds(r.stepSeconds)])
        if let range = r.stepSecondsInterval {
            iter.add(["validated range", "\(Units.seconds(range[0]))-\(Units.seconds(range[1]))"])
        }
        iter.add([r.framesPerSample == nil ? "samples/s" : "videos/s", String(format: "%.1f", it.samplesPerSecond)])
        if let frames = r.framesPerSample {
            iter.add(["frames/s (kimg counts frames)", String(format: "%.1f", it.samplesPerSecond * Double(frames))])
        }
        iter.add(["utilization of peak", String(format: "%.1f%%", it.utilization * 100)])
        out.append(iter.render())
        out.append("")
        var mem = TextTable(["memory", "bytes"])
        for part in r.memory.breakdown.parts { mem.add([part.name, Units.bytes(part.bytes)]) }
        mem.add(["total (process)", Units.bytes(r.memory.totalBytes)])
        mem.add(["live tensors (max_memory_allocated)", Units.bytes(r.memory.liveTensorBytes)])
        mem.add(["reserved (memory_reserved)", Units.bytes(r.memory.reservedBytes)])
        mem.add(["capacity", Units.bytes(r.memory.capacityBytes)])
        out.append(mem.render())
        out.append(r.memory.fits
            ? "fits; largest batch\(r.framesPerSample == nil ? "" : " of videos") per device that fits: \(r.memory.largestBatch)"
            : "OUT OF MEMORY: needs \(Units.bytes(r.memory.totalBytes)) of \(Units.bytes(r.memory.capacityBytes)); "
                + "largest batch that fits: \(r.memory.largestBatch)")
        if let rows = r.framesMemory {
            out.append("")
            var t = TextTable(["frames per video", "memory per device at batch \(r.recipe.batchPerDevice)", "largest batch of videos"])
            for row in rows {
                t.add(["\(row.frames)\(row.frames == r.framesPerSample ? " (this model)" : "")", Units.bytes(row.totalBytes),
                       "\(row.largestBatch)"])
            }
            out.append(t.render())
        }
        if let phases = r.phases {
            out.append("")
            var t = TextTable(["phase", "G params", "D params", "batch", "FLOPs/iter", "step", "kimg", "days on 1 device"])
            for p in phases {
                t.add(["\(p.resolution)px \(p.fadingIn ? "fade-in" : "stable")", Units.grouped(p.generatorParameters),
                       Units.grouped(p.discriminatorParameters), "\(p.batch)", Units.count(p.iterationFLOPs),
                       Units.seconds(p.stepSeconds), "\(p.kimg)", String(format: "%.2f", p.daysOnOneDevice)])
            }
            out.append(t.render())
        }
        return out.joined(separator: "\n")
    }
}

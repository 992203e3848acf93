import CostModel
import Simulator
import Testing
import Workload
@testable import Planning

/// The planner and sweeps build typed scenarios: each equals the scenario its YAML file would give.
@Suite struct TypedScenarioTests {
    /// A scenario file from sections of `(key, value)` lines, in order.
    static func yaml(_ sections: [(name: String, fields: [(String, String)])]) -> String {
        sections.map { "\($0.name):\n" + $0.fields.map { "  \($0.0): \($0.1)\n" }.joined() }.joined()
    }

    /// Everything a scenario's composition decides, and its estimate.
    static func same(_ a: TrainingScenario, _ b: TrainingScenario) throws -> Bool {
        let cache = ScenarioCache()
        let estimates = (try a.estimate(cache: cache), try b.estimate(cache: cache))
        return estimates.0 == estimates.1 && a.name == b.name && a.totalIterations == b.totalIterations && a.topologySpec == b.topologySpec
            && a.peakBytesPerDevice == b.peakBytesPerDevice && a.plan.recipe == b.plan.recipe && a.plan.devices == b.plan.devices
            && a.plan.algorithm == b.plan.algorithm && a.plan.bucketBytes == b.plan.bucketBytes && a.plan.reliability == b.plan.reliability
            && a.plan.power == b.plan.power && a.plan.price == b.plan.price && a.plan.data == b.plan.data && a.plan.iterations == b.plan.iterations
            && a.plan.device.name == b.plan.device.name && a.hostCPU == b.hostCPU
    }

    @Test func aPlannerCandidateIsTheScenarioItsFileWouldDescribe() throws {
        var request = PlanRequest(model: ModelConfig(architecture: .biggan, resolution: 128), length: .epochs(2), globalBatch: 256,
                                  datasetSamples: 70_000)
        request.reliability.interval = .seconds(5400)
        request.reliability.rates.perSwitchHour = 1e-5
        request.reliability.storageBytesPerSecond = 2.5e9
        let template = try Planner.template(request, modelName: "biggan-128")
        let candidates = Planner.candidates(request)
        let points = Planner.points(request, candidates: candidates)
        let official = TrainingRecipe.official(for: .biggan, batchPerDevice: 1)
        // A candidate in one server, one across servers on a fabric, and a TPU slice.
        let chosen = [candidates.firstIndex { $0.devices == 4 }, candidates.firstIndex { $0.fabric != nil && $0.precision != .fp32 },
                      candidates.firstIndex { $0.family.topology == .tpuV4 && $0.devices == 16 }].compactMap { $0 }
        #expect(chosen.count == 3)
        for index in chosen {
            let c = candidates[index]
            let text = Self.yaml([
                ("model", [("architecture", "biggan"), ("resolution", "128")]),
                ("recipe", [("discriminatorSteps", "\(official.discriminatorSteps)"), ("ema", "\(official.ema)"),
                            ("optimizer", official.optimizer.rawValue), ("r1Interval", "\(official.r1Interval)"),
                            ("pathLengthInterval", "\(official.pathLengthInterval)"), ("batchPerDevice", "\(c.batchPerDevice)"),
                            ("accumulation", "\(c.accumulation)"), ("precision", c.precision.rawValue)]),
                ("cluster", [("topology", c.family.topology.rawValue), ("device", c.family.device), ("devices", "\(c.devices)")]
                    + (c.fabric.map { [("fabric", $0.rawValue)] } ?? [])),
                ("training", [("epochs", "2"), ("datasetSamples", "70000")]),
                ("simulate", [("iterations", "\(request.simulatedIterations)")]),
                ("reliability", [("checkpointInterval", "5400.0"), ("failuresPerSwitchHour", "1e-5"), ("checkpointBandwidth", "2.5GB/s")]),
            ])
            let file = try TrainingScenario(input: ScenarioInput(yaml: "name: plan-biggan-128\n" + text), defaultName: "x", requireFit: false)
            let typed = try template.scenario(points[index].assignments, cache: ScenarioCache())
            #expect(try Self.same(typed, file), Comment(rawValue: points[index].labels.joined(separator: " ")))
        }
    }

    static let base: [(name: String, fields: [(String, String)])] = [
        ("model", [("architecture", "biggan"), ("resolution", "128")]),
        ("recipe", [("batchPerDevice", "32"), ("discriminatorSteps", "2")]),
        ("cluster", [("topology", "dgx-a100"), ("devices", "16"), ("fabric", "hdr")]),
        ("training", [("kimg", "500")]),
        ("simulate", [("iterations", "2")]),
    ]

    /// `base` with each assignment's field set to its value, as a file would write it.
    static func assigned(_ assignments: [(path: [String], value: String)]) -> String {
        var sections = base
        for a in assignments {
            if !sections.contains(where: { $0.name == a.path[0] }) { sections.append((a.path[0], [])) }
            let s = sections.firstIndex { $0.name == a.path[0] }!
            if let k = sections[s].fields.firstIndex(where: { $0.0 == a.path[1] }) {
                sections[s].fields[k].1 = a.value
            } else {
                sections[s].fields.append((a.path[1], a.value))
            }
        }
        return yaml(sections)
    }

    @Test func aTypedSweepPointIsTheScenarioOfItsAssignedFile() throws {
        let template = try ScenarioTemplate(yaml: Self.yaml(Self.base), defaultName: "grid")
        let axes = try ["devices=8,32", "device=a100-80gb,h100", "precision=fp32,bf16", "communication.algorithm=auto,ring",
                        "model.width=64", "power.pue=1.3", "mode.kind=asynchronous", "data.decodeCores=8"].map(SweepAxis.parse)
        let grid = try SweepGrid(template: template, axes: axes)
        for (index, point) in grid.points.enumerated() {
            var assignments: [(path: [String], value: String)] = []
            var rest = index
            for axis in axes.reversed() {
                assignments.insert((axis.path, axis.values[rest % axis.values.count]), at: 0)
                rest /= axis.values.count
            }
            let file = try TrainingScenario(input: ScenarioInput(yaml: Self.assigned(assignments)), defaultName: "grid", requireFit: false)
            let typed = try template.scenario(point.assignments, cache: ScenarioCache())
            #expect(try Self.same(typed, file), Comment(rawValue: point.labels.joined(separator: " ")))
        }
    }

    @Test func aBadSweepValueNamesTheFlagFieldValueAndLine() throws {
        let template = try ScenarioTemplate(yaml: Self.yaml(Self.base), defaultName: "grid")
        func message(_ axis: String) -> String {
            do { _ = try SweepGrid(template: template, axes: [SweepAxis.parse(axis)]); return "" } catch { return "\(error)" }
        }
        // The value's own rule, as the file's reader states it (a value on the command line has no line).
        #expect(message("batch=3x") == "--vary batch=3x: recipe.batchPerDevice = 3x: expected a whole number")
        #expect(message("devices=100000") == "--vary devices=100000: cluster.devices = 100000: must be at most 16384: gansim simulates clusters of up to 16384 devices")
        #expect(message("recipe.colour=red").hasPrefix("--vary recipe.colour=red: recipe.colour = red: unknown field; the recipe section takes batchPerDevice"))
        // A rule across fields names the field the file wrote, with its line.
        #expect(message("training.epochs=1") == "--vary training.epochs=1: training.kimg = 500: unknown field; the training section takes iterations, epochs, kimg, datasetSamples, growth (line 12, column 9)")
        #expect(message("devices=4") == "--vary devices=4: cluster.devices = 4: dgx-a100 clusters come in whole servers of 8 GPUs")
        #expect(message("model.resolution=64") == "--vary model.resolution=64: model.architecture = biggan: unsupported resolution '64'; accepted: 128, 256, 512 (line 2, column 17)")
    }
}

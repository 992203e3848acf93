import Simulator
import Testing
@testable import Planning

@Suite struct SweepTests {
    /// BigGAN-128 on A100s joined by a ring: no link is ever shared by two flows.
    static let ringScenario = """
        name: ring
        model:
          architecture: biggan
          resolution: 128
        recipe:
          batchPerDevice: 32
          discriminatorSteps: 2
        cluster:
          topology: ring
          devices: 8
          device: a100-80gb
          bandwidth: 25GB/s
          latency: 2us
        training:
          iterations: 10000
        simulate:
          iterations: 3
        """

    @Test func axisExpandsDoublingAndArithmeticRuns() throws {
        #expect(try SweepAxis.parse("devices=1,2,4,...,64").values == ["1", "2", "4", "8", "16", "32", "64"])
        #expect(try SweepAxis.parse("width=10,20,...,50").values == ["10", "20", "30", "40", "50"])
        #expect(try SweepAxis.parse("device = v100-32gb, a100-80gb").values == ["v100-32gb", "a100-80gb"])
        let axis = try SweepAxis.parse("cluster.oversubscription=1,4")
        #expect(axis.path == ["cluster", "oversubscription"] && axis.values[1] == "4")
        #expect(try SweepAxis.parse("batch=8").field == "recipe.batchPerDevice")
    }

    @Test func badAxesAreRejectedWithTheFlagAndValue() {
        func message(_ argument: String) -> String {
            do { _ = try SweepAxis.parse(argument); return "" } catch { return "\(error)" }
        }
        #expect(message("devices=").contains("empty"))
        #expect(message("devices=1,,2").contains("empty"))
        #expect(message("devices").contains("field=value"))
        #expect(message("colour=red").contains("unknown sweep field 'colour'"))
        #expect(message("devices=2,4,...,9").contains("neither"))
        #expect(message("devices=4,...,8").contains("'...'"))
        #expect(message("devices=2,2").contains("twice"))
    }

    @Test func gridChecksEveryValueBeforeAnyWork() throws {
        let template = try ScenarioTemplate(yaml: Self.ringScenario, defaultName: "ring")
        func message(_ axes: [String]) -> String {
            do { _ = try SweepGrid(template: template, axes: axes.map(SweepAxis.parse)); return "" } catch { return "\(error)" }
        }
        let batch = message(["devices=2,4", "batch=16,abc"])
        #expect(batch.contains("--vary batch=abc") && batch.contains("batchPerDevice"), Comment(rawValue: batch))
        let device = message(["device=a100-80gb,z80"])
        #expect(device.contains("--vary device=z80"), Comment(rawValue: device))
        let key = message(["cluster.colour=red"])
        #expect(key.contains("colour"), Comment(rawValue: key))
        #expect(message(["devices=2,4", "cluster.devices=8"]).contains("varied twice"))
        #expect(try SweepGrid(template: template, axes: [SweepAxis.parse("devices=2,4"), SweepAxis.parse("batch=8,16,32")]).count == 6)
    }

    @Test func reliabilityFieldsAreSwept() throws {
        let template = try ScenarioTemplate(yaml: Self.ringScenario, defaultName: "ring")
        let grid = try SweepGrid(template: template, axes: [SweepAxis.parse("reliability.checkpointInterval=1h,2h")])
        #expect(grid.points.map(\.labels) == [["1h"], ["2h"]])
        let intervals = try grid.points.map { try template.scenario($0.assignments, cache: ScenarioCache()).plan.reliability.interval }
        #expect(intervals == [.seconds(3600), .seconds(7200)])
        let zero = #expect(throws: SweepError.self) {
            try SweepGrid(template: template, axes: [SweepAxis.parse("reliability.checkpointInterval=1h,0")])
        }
        #expect("\(zero.map { "\($0)" } ?? "")".contains("--vary reliability.checkpointInterval=0"))
    }

    @Test func gridOrdersPointsWithTheLastAxisFastest() throws {
        let template = try ScenarioTemplate(yaml: Self.ringScenario, defaultName: "ring")
        let grid = try SweepGrid(template: template, axes: [SweepAxis.parse("devices=2,4"), SweepAxis.parse("batch=8,16,32")])
        #expect(grid.points.map(\.labels) == [["2", "8"], ["2", "16"], ["2", "32"], ["4", "8"], ["4", "16"], ["4", "32"]])
    }

    @Test func paretoFrontKeepsOnlyUndominatedPoints() {
        let points: [(seconds: Double, usd: Double)] = [(10, 100), (20, 50), (15, 120), (30, 50), (40, 10), (10, 100)]
        #expect(ParetoFront.indices(points) == [0, 1, 4])
        #expect(ParetoFront.indices([]) == [])
    }

    @Test func sweepReportsOutOfMemoryAndInvalidPointsAndConfirmsTheFront() throws {
        let yaml = """
            name: dgx
            model: {architecture: biggan, resolution: 128}
            recipe: {batchPerDevice: 32}
            cluster: {topology: dgx-a100, devices: 8}
            training: {iterations: 1000}
            simulate: {iterations: 2}
            """
        let template = try ScenarioTemplate(yaml: yaml, defaultName: "dgx")
        let grid = try SweepGrid(template: template, axes: [
            SweepAxis.parse("devices=4,8,16"), SweepAxis.parse("device=v100-16gb,a100-80gb"), SweepAxis.parse("batch=32,512"),
            SweepAxis.parse("fabric=hdr"),
        ])
        let engine = SweepEngine(threads: 2)
        let result = try engine.run(template: template, axes: grid.axes.map(\.name), points: grid.points)
        #expect(result.outcomes.count == 12)
        // 4 GPUs are valid in one server and HDR is valid for 8, but 4 GPUs over HDR are not whole servers: invalid, with the reason.
        let invalid = result.outcomes.filter { $0.labels[0] == "4" }
        #expect(invalid.allSatisfy { $0.status == .invalid && ($0.reason ?? "").contains("whole servers") })
        // BigGAN-128 at batch 512 does not fit a 16 GB V100: shown, with its estimate, not dropped.
        let oom = result.outcomes.first { $0.labels == ["8", "v100-16gb", "512", "hdr"] }!
        #expect(oom.status == .outOfMemory)
        #expect(oom.analytic != nil)
        #expect(!result.pareto.contains(oom.index))
        #expect(result.summary.invalid == 4)
        // The front is confirmed by the event simulation, which agrees on an uncontended DGX.
        #expect(!result.pareto.isEmpty)
        #expect(Set(result.pareto).isSubset(of: Set(result.confirmedIndices)))
        for i in result.confirmedIndices {
            #expect(result.outcomes[i].confirmed != nil)
        }
        #expect(result.csv.split(separator: "\n").count == 13)
        // Deterministic: the same sweep gives the same result on one thread.
        #expect(try SweepEngine(threads: 1).run(template: template, axes: grid.axes.map(\.name), points: grid.points) == result)
    }
}

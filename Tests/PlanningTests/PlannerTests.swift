import CostModel
import Simulator
import TestSupport
import Testing
import Workload
@testable import Planning
import InputParsing

@Suite struct PlannerTests {
    static let families = [
        ClusterFamily(device: "a100-80gb", topology: .dgxA100, fabrics: [.hdr], devicesPerServer: 8, mixedPrecision: .bf16),
        ClusterFamily(device: "v100-32gb", topology: .pcie8, fabrics: [.ethernet25g], devicesPerServer: 8, mixedPrecision: .fp16),
    ]

    func request(deadline: Double? = nil, budget: Double? = nil) -> PlanRequest {
        var r = PlanRequest(model: ModelConfig(architecture: .dcgan, resolution: 64), length: .iterations(20000), globalBatch: 128,
                            deadlineSeconds: deadline, budgetUSD: budget)
        r.families = Self.families
        r.maximumDevices = 16
        r.simulatedIterations = 2
        return r
    }

    @Test func searchSpaceKeepsTheGlobalBatchAndWholeServers() {
        let points = Planner.points(request())
        #expect(!points.isEmpty)
        for p in points {
            let devices = Int(p.labels[1])!, batch = Int(p.labels[3])!, accumulation = Int(p.labels[4])!
            #expect(devices * batch * accumulation == 128, "\(p.labels)")
            #expect(devices <= 8 || devices % 8 == 0)
            #expect((p.labels[2] == "-") == (devices <= 8))
        }
        // 1, 2, 4, 8 and 16 devices of each family, fp32 and mixed.
        #expect(Set(points.map { "\($0.labels[0]) \($0.labels[1]) \($0.labels[5])" }).count == 2 * 5 * 2)
    }

    @Test func deviceCountsArePowersOfTwoInAServerAndWholeServersBeyond() {
        let nvl72 = ClusterFamily(device: "gb200", topology: .gb200NVL72, fabrics: [.ndr], devicesPerServer: 72, mixedPrecision: .bf16)
        #expect(Planner.deviceCounts(nvl72, upTo: 300) == [1, 2, 4, 8, 16, 32, 64, 72, 144, 288])
        let hgx = ClusterFamily(device: "b200", topology: .hgxB200, fabrics: [.ndr], devicesPerServer: 8, mixedPrecision: .bf16)
        #expect(Planner.deviceCounts(hgx, upTo: 64) == [1, 2, 4, 8, 16, 32, 64])
        let v5e = ClusterFamily(device: "tpu-v5e", topology: .tpuV5e, fabrics: [], devicesPerServer: nil, mixedPrecision: .bf16)
        #expect(Planner.deviceCounts(v5e, upTo: 1024).last == 256)
        let v4 = ClusterFamily(device: "tpu-v4", topology: .tpuV4, fabrics: [], devicesPerServer: nil, mixedPrecision: .bf16)
        #expect(Planner.deviceCounts(v4, upTo: 1024).last == 1024)
        // A global batch of 144 reaches one and two whole racks.
        var r = request()
        r.globalBatch = 144
        r.maximumDevices = 1024
        r.families = [nvl72]
        let counts = Set(Planner.points(r).map { Int($0.labels[1])! })
        #expect(counts.isSuperset(of: [72, 144]))
    }

    @Test func theStandardFamiliesRunOnTheirServersDevicesAndFabrics() throws {
        for family in ClusterFamily.standard {
            let device = try DeviceCatalog.profile(named: family.device)
            #expect(device.matrixPeak(family.mixedPrecision) != nil, Comment(rawValue: family.label))
            #expect(family.topology.server?.gpusPerServer == family.devicesPerServer, Comment(rawValue: family.label))
        }
    }

    @Test func recommendationsMeetTheDeadlineAndBudgetAndBeatTheOtherConfirmedPoints() throws {
        let planner = Planner(engine: SweepEngine(threads: 2))
        let (free, freeSweep) = try planner.plan(request())
        #expect(try planner.plan(request()).plan == free, "the plan is deterministic")
        #expect(free.cheapestMeetingDeadline != nil)
        #expect(free.fastestWithinBudget != nil)
        // A deadline just under the V100s' best: they must lose on time.
        let v100Fastest = freeSweep.outcomes.filter { $0.status == .ok && $0.labels[0].hasPrefix("v100") }
            .map { $0.best!.expectedWallSeconds }.min()!
        let deadline = v100Fastest * 0.9
        let budget = 1e9
        let (plan, sweep) = try planner.plan(request(deadline: deadline, budget: budget))
        let cheapest = try #require(plan.cheapestMeetingDeadline)
        #expect(cheapest.confirmed)
        #expect(cheapest.trainingSeconds <= deadline)
        #expect(cheapest.family.hasPrefix("a100"))
        for i in sweep.confirmedIndices {
            let o = sweep.outcomes[i]
            guard o.status == .ok, let r = o.confirmed, r.expectedWallSeconds <= deadline else { continue }
            #expect(r.expectedTotalUSD >= cheapest.costUSD - 1e-9)
        }
        let loser = try #require(plan.runnersUp.first { $0.family.hasPrefix("v100") })
        #expect(loser.reason.hasPrefix("misses the deadline"), Comment(rawValue: loser.reason))
        // A budget below every configuration's cost: nothing is recommended on that criterion, and the note says why.
        let (broke, _) = try planner.plan(request(budget: 1e-6))
        #expect(broke.fastestWithinBudget == nil)
        #expect(broke.notes.contains { $0.contains("budget") })
    }

    @Test func badRequestsAreRejected() throws {
        #expect(throws: (any Error).self) { try TrainingLength.parse("steps=10") }
        #expect(throws: (any Error).self) { try TrainingLength.parse("iterations=-5") }
        #expect(throws: (any Error).self) { try TrainingLength.parse("iterations=1.5") }
        #expect(try TrainingLength.parse("kimg=25000") == .kimg(25000))
        var bad = request()
        bad.globalBatch = 0
        #expect(throws: (any Error).self) { try Planner().plan(bad) }
        #expect(throws: (any Error).self) { try Planner().plan(request(deadline: 0)) }
    }

    @Test func moneyAndDurationsParse() throws {
        #expect(try UnitParser.usd("20000usd", field: "--budget") == 20000)
        #expect(try UnitParser.usd("$20k", field: "--budget") == 20000)
        #expect(try UnitParser.usd("1.5M USD", field: "--budget") == 1.5e6)
        #expect(throws: (any Error).self) { try UnitParser.usd("20 euros", field: "--budget") }
        #expect(try isClose(UnitParser.seconds("48h", field: "--deadline"), 48 * 3600, absolute: 1e-6))
        #expect(try isClose(UnitParser.seconds("2d", field: "--deadline"), 2 * 86400, absolute: 1e-6))
    }

    @Test func plansSayWhichDevicesAreValidatedForTheModelAndWhichArePriors() throws {
        let stylegan = PlanRequest(model: ModelConfig(architecture: .stylegan2, resolution: 256), length: .iterations(10), globalBatch: 64)
        let note = try #require(Planner.calibrationNote(stylegan))
        // The 2026 GPUs carry the V100's model transferred, the TPUs are priors.
        #expect(note.hasPrefix("for stylegan2: v100-32gb is validated; a100-80gb, h100, h200, b200, gb200, h100-pcie, l40s, l4, "
            + "a10g, rtx-4090, mi300x are transferred (wider ranges); tpu-v3, tpu-v4, tpu-v5e, tpu-v5p, tpu-v6e are priors"),
            Comment(rawValue: note))
        // BigGAN's implementation (biggan-pytorch) is priced by the model fitted to stylegan2-ada-pytorch: transferred.
        let biggan = PlanRequest(model: ModelConfig(architecture: .biggan, resolution: 128), length: .iterations(10), globalBatch: 64)
        let bigganNote = try #require(Planner.calibrationNote(biggan))
        #expect(bigganNote.hasPrefix("for biggan: v100-32gb, a100-80gb, h100, h200, b200, gb200, h100-pcie, l40s, l4, a10g, "
            + "rtx-4090, mi300x are transferred (wider ranges)"), Comment(rawValue: bigganNote))
        // ProGAN has no implementation profile: no device is validated for it, nothing to tell apart.
        let progan = PlanRequest(model: ModelConfig(architecture: .progan, resolution: 128), length: .iterations(10), globalBatch: 64)
        #expect(Planner.calibrationNote(progan) == nil)
    }
}

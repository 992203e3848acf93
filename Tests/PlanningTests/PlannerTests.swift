import XCTest
import CostModel
import Workload
import Simulator
@testable import Planning

final class PlannerTests: XCTestCase {
    static let families = [
        ClusterFamily(device: "a100-80gb", topology: "dgx-a100", fabrics: ["hdr"], devicesPerServer: 8, mixedPrecision: "bf16"),
        ClusterFamily(device: "v100-32gb", topology: "pcie8", fabrics: ["ethernet25g"], devicesPerServer: 8, mixedPrecision: "fp16"),
    ]

    func request(deadline: Double? = nil, budget: Double? = nil) -> PlanRequest {
        var r = PlanRequest(model: ModelConfig(architecture: .dcgan, resolution: 64), length: .iterations(20000), globalBatch: 128,
                            deadlineSeconds: deadline, budgetUSD: budget)
        r.families = Self.families
        r.maximumDevices = 16
        r.simulatedIterations = 2
        return r
    }

    func testSearchSpaceKeepsTheGlobalBatchAndWholeServers() {
        let points = Planner.points(request())
        XCTAssertFalse(points.isEmpty)
        for p in points {
            let devices = Int(p.labels[1])!, batch = Int(p.labels[3])!, accumulation = Int(p.labels[4])!
            XCTAssertEqual(devices * batch * accumulation, 128, "\(p.labels)")
            XCTAssertTrue(devices <= 8 || devices % 8 == 0)
            XCTAssertEqual(p.labels[2] == "-", devices <= 8)
        }
        // 1, 2, 4, 8 and 16 devices of each family, fp32 and mixed.
        XCTAssertEqual(Set(points.map { "\($0.labels[0]) \($0.labels[1]) \($0.labels[5])" }).count, 2 * 5 * 2)
    }

    func testDeviceCountsArePowersOfTwoInAServerAndWholeServersBeyond() {
        let nvl72 = ClusterFamily(device: "gb200", topology: "gb200-nvl72", fabrics: ["ndr"], devicesPerServer: 72, mixedPrecision: "bf16")
        XCTAssertEqual(Planner.deviceCounts(nvl72, upTo: 300), [1, 2, 4, 8, 16, 32, 64, 72, 144, 288])
        let hgx = ClusterFamily(device: "b200", topology: "hgx-b200", fabrics: ["ndr"], devicesPerServer: 8, mixedPrecision: "bf16")
        XCTAssertEqual(Planner.deviceCounts(hgx, upTo: 64), [1, 2, 4, 8, 16, 32, 64])
        let v5e = ClusterFamily(device: "tpu-v5e", topology: "tpu-v5e", fabrics: [], devicesPerServer: nil, mixedPrecision: "bf16")
        XCTAssertEqual(Planner.deviceCounts(v5e, upTo: 1024).last, 256)
        let v4 = ClusterFamily(device: "tpu-v4", topology: "tpu-v4", fabrics: [], devicesPerServer: nil, mixedPrecision: "bf16")
        XCTAssertEqual(Planner.deviceCounts(v4, upTo: 1024).last, 1024)
        // A global batch of 144 reaches one and two whole racks.
        var r = request()
        r.globalBatch = 144
        r.maximumDevices = 1024
        r.families = [nvl72]
        let counts = Set(Planner.points(r).map { Int($0.labels[1])! })
        XCTAssertTrue(counts.isSuperset(of: [72, 144]))
    }

    func testTheStandardFamiliesRunOnTheirServersDevicesAndFabrics() throws {
        for family in ClusterFamily.standard {
            let device = try DeviceCatalog.profile(named: family.device)
            XCTAssertNotNil(device.matrixPeak(try Precision.named(family.mixedPrecision)), family.label)
            let kind = try XCTUnwrap(TopologyKind(rawValue: family.topology), family.label)
            XCTAssertEqual(kind.server?.gpusPerServer, family.devicesPerServer, family.label)
            for fabric in family.fabrics { XCTAssertNotNil(FabricKind(rawValue: fabric), "\(family.label): \(fabric)") }
        }
    }

    func testRecommendationsMeetTheDeadlineAndBudgetAndBeatTheOtherConfirmedPoints() throws {
        let planner = Planner(engine: SweepEngine(threads: 2))
        let (free, freeSweep) = try planner.plan(request())
        XCTAssertEqual(try planner.plan(request()).plan, free, "the plan is deterministic")
        XCTAssertNotNil(free.cheapestMeetingDeadline)
        XCTAssertNotNil(free.fastestWithinBudget)
        // A deadline just under the V100s' best: they must lose on time.
        let v100Fastest = freeSweep.outcomes.filter { $0.status == .ok && $0.labels[0].hasPrefix("v100") }
            .map { $0.best!.expectedWallSeconds }.min()!
        let deadline = v100Fastest * 0.9
        let budget = 1e9
        let (plan, sweep) = try planner.plan(request(deadline: deadline, budget: budget))
        let cheapest = try XCTUnwrap(plan.cheapestMeetingDeadline)
        XCTAssertTrue(cheapest.confirmed)
        XCTAssertLessThanOrEqual(cheapest.trainingSeconds, deadline)
        XCTAssertTrue(cheapest.family.hasPrefix("a100"))
        for i in sweep.confirmedIndices {
            let o = sweep.outcomes[i]
            guard o.status == .ok, let r = o.confirmed, r.expectedWallSeconds <= deadline else { continue }
            XCTAssertGreaterThanOrEqual(r.expectedTotalUSD, cheapest.costUSD - 1e-9)
        }
        let loser = try XCTUnwrap(plan.runnersUp.first { $0.family.hasPrefix("v100") })
        XCTAssertTrue(loser.reason.hasPrefix("misses the deadline"), loser.reason)
        // A budget below every configuration's cost: nothing is recommended on that criterion, and the note says why.
        let (broke, _) = try planner.plan(request(budget: 1e-6))
        XCTAssertNil(broke.fastestWithinBudget)
        XCTAssertTrue(broke.notes.contains { $0.contains("budget") })
    }

    func testBadRequestsAreRejected() {
        XCTAssertThrowsError(try TrainingLength.parse("steps=10"))
        XCTAssertThrowsError(try TrainingLength.parse("iterations=-5"))
        XCTAssertThrowsError(try TrainingLength.parse("iterations=1.5"))
        XCTAssertEqual(try TrainingLength.parse("kimg=25000"), .kimg(25000))
        var bad = request()
        bad.globalBatch = 0
        XCTAssertThrowsError(try Planner().plan(bad))
        XCTAssertThrowsError(try Planner().plan(request(deadline: 0)))
    }

    func testMoneyAndDurationsParse() throws {
        XCTAssertEqual(try UnitParser.usd("20000usd", field: "--budget"), 20000)
        XCTAssertEqual(try UnitParser.usd("$20k", field: "--budget"), 20000)
        XCTAssertEqual(try UnitParser.usd("1.5M USD", field: "--budget"), 1.5e6)
        XCTAssertThrowsError(try UnitParser.usd("20 euros", field: "--budget"))
        XCTAssertEqual(try UnitParser.seconds("48h", field: "--deadline"), 48 * 3600, accuracy: 1e-6)
        XCTAssertEqual(try UnitParser.seconds("2d", field: "--deadline"), 2 * 86400, accuracy: 1e-6)
    }

    func testPlansSayWhichDevicesAreValidatedForTheModelAndWhichArePriors() throws {
        let stylegan = PlanRequest(model: ModelConfig(architecture: .stylegan2, resolution: 256), length: .iterations(10), globalBatch: 64)
        let note = try XCTUnwrap(Planner.calibrationNote(stylegan))
        // The 2026 GPUs carry the V100's model transferred, the TPUs are priors.
        XCTAssertTrue(note.hasPrefix("for stylegan2: v100-32gb is validated; a100-80gb, h100, h200, b200, gb200, h100-pcie, l40s, l4, "
            + "a10g, rtx-4090, mi300x are transferred (wider ranges); tpu-v3, tpu-v4, tpu-v5e, tpu-v5p, tpu-v6e are priors"), note)
        // BigGAN's implementation (biggan-pytorch) is priced by the model fitted to stylegan2-ada-pytorch: transferred.
        let biggan = PlanRequest(model: ModelConfig(architecture: .biggan, resolution: 128), length: .iterations(10), globalBatch: 64)
        let bigganNote = try XCTUnwrap(Planner.calibrationNote(biggan))
        XCTAssertTrue(bigganNote.hasPrefix("for biggan: v100-32gb, a100-80gb, h100, h200, b200, gb200, h100-pcie, l40s, l4, a10g, "
            + "rtx-4090, mi300x are transferred (wider ranges)"), bigganNote)
        // ProGAN has no implementation profile: no device is validated for it, nothing to tell apart.
        let progan = PlanRequest(model: ModelConfig(architecture: .progan, resolution: 128), length: .iterations(10), globalBatch: 64)
        XCTAssertNil(Planner.calibrationNote(progan))
    }
}

import CostModel
import TestSupport
import Workload
import Foundation
import Testing
@testable import Simulator
import InputParsing

/// G and D on separate device groups: fakes and image gradients as flows between the groups.
@Suite struct SplitTrainingTests {
    private let fastPipeline = DataPipelineSpec(storageBytesPerSecond: 100e9, encodedBytesPerSample: 110e3, decodeSamplesPerSecondPerCore: 1e5)

    private func plan(topology: Topology, generatorDevices: Int?, devices: Int = 8, seed: UInt64 = 1) throws -> TrainingPlan {
        let model = try ModelConfig(architecture: .dcgan, resolution: 64).build()
        return TrainingPlan(
            model: model, recipe: TrainingRecipe(batchPerDevice: 64, discriminatorSteps: 2), device: DeviceCatalog.v100_32gb,
            topology: topology, devices: devices, algorithm: .ring, bucketBytes: 2e6, data: fastPipeline,
            jitter: JitterSpec(coefficientOfVariation: 0.03), iterations: 5, seed: seed, generatorDevices: generatorDevices)
    }

    private func ring(bytesPerSecond: Double) -> Topology {
        Topologies.ring(devices: 8, link: LinkSpec(kind: .generic, bandwidthBytesPerSecond: bytesPerSecond, latencySeconds: 5e-6))
    }

    private func run(_ plan: TrainingPlan) throws -> (TrainingResult, TrainingSimulation) {
        let simulation = try TrainingSimulation(plan: plan)
        return (try simulation.run(name: "split", totalIterations: 100), simulation)
    }

    @Test func imagesCrossingASlowLinkAreExposedCommunication() throws {
        let (fast, _) = try run(plan(topology: ring(bytesPerSecond: 100e9), generatorDevices: 2))
        let (slow, _) = try run(plan(topology: ring(bytesPerSecond: 0.2e9), generatorDevices: 2))
        #expect(slow.iterationSeconds > fast.iterationSeconds)
        #expect(slow.breakdown.exposedCommunicationSeconds > fast.breakdown.exposedCommunicationSeconds + 0.5 * (slow.iterationSeconds - fast.iterationSeconds))
        #expect(slow.mode.contains("G on 2 and D on 6"))
        // Only the D group consumes a batch of its own: 6 devices x 64 samples per iteration.
        #expect(isClose(fast.samplesPerSecond * fast.iterationSeconds, 6 * 64, absolute: 1e-6))
    }

    @Test func groupsWaitForEachOtherAndTraceShowsIt() throws {
        let (result, simulation) = try run(plan(topology: ring(bytesPerSecond: 100e9), generatorDevices: 2))
        // G idles while D trains its steps and D idles during G's backward: the pipeline has bubbles.
        #expect(result.breakdown.idleSeconds > 0)
        #expect(result.scalingEfficiency < 1)
        let names = Set(simulation.trace.map(\.name))
        #expect(names.contains("wait for fakes"))
        #expect(names.contains("wait for image gradients"))
        // G's devices generate the fakes (one block per forward) and run the G step; D's run the D steps.
        #expect(simulation.trace.contains { $0.pid == 0 && $0.name == "G forward (discriminator 1) compute" })
        #expect(simulation.trace.contains { $0.pid == 0 && $0.name == "G step update" })
        #expect(!simulation.trace.contains { $0.pid == 0 && $0.name.hasPrefix("D ") })
        #expect(simulation.trace.contains { $0.pid == 5 && $0.name == "D step 1 compute" })
        #expect(!simulation.trace.contains { $0.pid == 5 && $0.name.hasPrefix("G ") && $0.cat != "communication" })
    }

    @Test func isDeterministic() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let a = try encoder.encode(run(plan(topology: ring(bytesPerSecond: 1e9), generatorDevices: 3)).0)
        let b = try encoder.encode(run(plan(topology: ring(bytesPerSecond: 1e9), generatorDevices: 3)).0)
        let c = try encoder.encode(run(plan(topology: ring(bytesPerSecond: 1e9), generatorDevices: 3, seed: 2)).0)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func badGroupSizesAreClearErrors() throws {
        for bad in [0, 8, 9] {
            #expect(throws: ConfigurationError.self) { try run(plan(topology: ring(bytesPerSecond: 1e9), generatorDevices: bad)) }
        }
        do {
            _ = try run(plan(topology: ring(bytesPerSecond: 1e9), generatorDevices: 8))
        } catch let error as ConfigurationError {
            #expect(error.field == "mode.generatorDevices")
            #expect(error.description.contains("1 to 7"))
        }
    }
}

import CostModel
import Workload
import Testing

/// StyleGAN-V (`../shared/workloads/stylegan-v.md`, universome/stylegan-v): frames per video as a knob, per-frame
/// work, memory growing with frames.
@Suite struct StyleGANVTests {
    func model(frames: Int? = nil, resolution: Int = 256) throws -> GANModel {
        try ModelConfig(architecture: .styleganV, resolution: resolution, frames: frames).build()
    }

    @Test func aSampleIsAVideoOfFramesStackedAlongTheHeight() throws {
        let m = try model()
        #expect(m.imagesPerSample == 3)
        #expect(m.sampleShape == .image(3, 3 * 256, 256))
        #expect(m.discriminator.inputs.map(\.outputShape) == [.image(3, 768, 256), .vector(2)])
        #expect(m.discriminator.inputs.map(\.name) == ["D.image", "D.time_gaps"])
        // The 16-px features of the 3 frames are concatenated along channels: 3 x 256 = 768 into a 768 -> 512 conv.
        let concat = try #require(m.discriminator.ops.first { $0.name == "D.b32.concat_frames" })
        #expect(concat.outputShape == .image(768, 16, 16))
        let conv0 = try #require(m.discriminator.ops.first { $0.name == "D.b16.conv0" })
        #expect(conv0.inputShapes[0].channels == 768 && conv0.outputShape.channels == 512)
        // The motion network: 86 codes, two padding-less 1-D convolutions of kernel 11: 86 -> 76 -> 66.
        let motion = m.generator.ops.filter { $0.kind.name == "conv1d" && $0.name.contains("conv") }
        #expect(motion.map { $0.outputShape.dims } == [[512, 76], [512, 66]])
    }

    /// Per-frame work (G's synthesis, D's blocks down to 32 px) scales with frames; the motion network and the
    /// per-video part of D do not.
    @Test func workGrowsWithFramesPerVideo() throws {
        func forward(_ g: Graph) -> Int { g.ops.reduce(0) { $0 + $1.cost(batch: 1, precision: .fp32).forward.flops } }
        let three = try model(frames: 3), six = try model(frames: 6)
        let g3 = forward(three.generator), g6 = forward(six.generator)
        #expect(Double(g6) / Double(g3) > 1.9 && Double(g6) / Double(g3) < 2)
        let d3 = forward(three.discriminator), d6 = forward(six.discriminator)
        #expect(Double(d6) / Double(d3) > 1.8 && Double(d6) / Double(d3) < 2)
        // The G parameters do not depend on frames; D's conditioning and 16-px block do.
        #expect(three.generator.parameterCount == six.generator.parameterCount)
        #expect(six.discriminator.parameterCount > three.discriminator.parameterCount)
    }

    @Test func badFramesAreRefusedNamingTheField() throws {
        for frames in [0, 1, -3] {
            #expect { try model(frames: frames) } throws: { "\($0)".contains("frames '\(frames)'") }
        }
        #expect { try model(frames: 1025) } throws: { "\($0)".contains("frames '1025'") }
        #expect {
            try ModelConfig(architecture: .stylegan2, frames: 3).build()
        } throws: { "\($0)".contains("frames '3'") && "\($0)".contains("stylegan2") }
    }

    @Test func inspectShowsMemoryGrowingWithFrames() throws {
        let recipe = TrainingRecipe.official(for: .styleganV, batchPerDevice: 16, precision: .fp16)
        let config = ModelConfig(architecture: .styleganV, resolution: 256)
        let r = try Inspection(config: config, recipe: recipe, device: DeviceCatalog.v100_32gb)
        #expect(r.framesPerSample == 3)
        let rows = try #require(r.framesMemory)
        #expect(rows.map(\.frames) == [2, 3, 4, 8, 16])
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.totalBytes < $1.totalBytes && $0.largestBatch >= $1.largestBatch })
        #expect(rows[1].largestBatch == r.memory.largestBatch)
        let image = try Inspection(config: ModelConfig(architecture: .stylegan2, resolution: 64),
                                   recipe: TrainingRecipe.official(for: .stylegan2, batchPerDevice: 4), device: DeviceCatalog.v100_32gb)
        #expect(image.framesMemory == nil && image.framesPerSample == nil)
    }

    @Test func theOfficialRecipe() {
        let recipe = TrainingRecipe.official(for: .styleganV, batchPerDevice: 16, precision: .fp16)
        #expect(recipe.r1Interval == 16 && recipe.pathLengthInterval == 0 && recipe.ema)
        #expect(recipe.precision.highestResolutions == 4)
    }
}

import CostModel
import Workload
import Testing

/// StyleGAN3's synthesis geometry and ops against `../shared/workloads/stylegan3.md` (NVlabs/stylegan3
/// training/networks_stylegan3.py).
@Suite struct StyleGAN3Tests {
    /// Channels and sizes of the 15 layers' outputs (L0-L13, ToRGB L14), from the graph's `filtered_lrelu` ops.
    func layers(_ resolution: Int, preset: String = "t") throws -> [(channels: Int, size: Int)] {
        let g = try ModelConfig(architecture: .stylegan3, resolution: resolution, preset: preset).build().generator
        return g.ops.filter { $0.kind.name == "filtered_lrelu" }.map { ($0.outputShape.channels, $0.outputShape.height) }
    }

    @Test func layerSizesAndChannelsAt1024AreTheSheets() throws {
        let l = try layers(1024)
        #expect(l.map(\.channels) == [512, 512, 512, 512, 512, 512, 512, 323, 203, 128, 81, 51, 32, 32, 3])
        #expect(l.map(\.size) == [36, 36, 52, 52, 84, 148, 148, 276, 276, 532, 1044, 1044, 1044, 1024, 1024])
    }

    @Test func layerSizesAndChannelsAt256AreTheSheets() throws {
        let l = try layers(256)
        #expect(l.map(\.channels) == [512, 512, 512, 512, 512, 512, 512, 512, 512, 362, 256, 181, 128, 128, 3])
        #expect(l.map(\.size) == [36, 36, 36, 52, 52, 84, 84, 148, 148, 148, 276, 276, 276, 256, 256])
    }

    @Test func rDoublesTheChannelsUpTo1024WithOneByOneKernels() throws {
        let t = try layers(1024), r = try layers(1024, preset: "r")
        // rint of the doubled ratio: within 1 of twice T's rounded channels.
        #expect(zip(t, r).dropLast().allSatisfy { abs(min(2 * $0.channels, 1024) - $1.channels) <= 1 })
        #expect(r.prefix(7).allSatisfy { $0.channels == 1024 } && r.last?.channels == 3)
        let g = try ModelConfig(architecture: .stylegan3, resolution: 1024, preset: "r").build().generator
        let kernels = g.ops.compactMap { op -> Int? in
            if case .groupedModulatedConv2d(let m) = op.kind { return m.kernel } else { return nil }
        }
        #expect(kernels.count == 15 && kernels.allSatisfy { $0 == 1 })
    }

    @Test func theInputLayerHasTheSheetsParameters() throws {
        for (preset, count) in [("t", 264_196), ("r", 1_050_628)] {
            let g = try ModelConfig(architecture: .stylegan3, resolution: 512, preset: preset).build().generator
            #expect(g.parameterCount(blockPrefix: "input") == count)
        }
    }

    /// Up-sampling 2 with 12 taps, or 4 with 24 where the sampling rate doubles; down 2 with 12; ToRGB unfiltered;
    /// R's down filters radial except on the two critically sampled layers.
    @Test func filteredLReLUFactorsAndTaps() throws {
        func filters(_ preset: String) throws -> [FilteredLReLUConfig] {
            try ModelConfig(architecture: .stylegan3, resolution: 1024, preset: preset).build().generator.ops.compactMap { op in
                if case .filteredLeakyReLU(let c) = op.kind { return c } else { return nil }
            }
        }
        let t = try filters("t")
        for c in t.dropLast() {
            #expect((c.up == 2 && c.upTaps == 12) || (c.up == 4 && c.upTaps == 24))
            #expect(c.down == 2 && c.downTaps == 12 && !c.radialDown)
        }
        #expect(t.filter { $0.up == 4 }.count > 0)
        #expect(t.last == FilteredLReLUConfig(up: 1, upTaps: 1, down: 1, downTaps: 1, radialDown: false, outSize: 1024))
        let radial = try filters("r").map(\.radialDown)
        #expect(radial == Array(repeating: true, count: 12) + [false, false, false])
    }

    /// One `filtered_lrelu` call's FLOPs and bytes by hand: T-1024's L0 (512 channels, 38 -> 36 px, up 2 and down 2
    /// with 12 taps, the activation on an 82-px grid) and R's radial down filter on the same geometry.
    @Test func filteredLReLUCostsByHand() throws {
        let g = try ModelConfig(architecture: .stylegan3, resolution: 1024).build().generator
        let op = try #require(g.ops.first { $0.name == "G.L0.filtered_lrelu" })
        let u = 82
        #expect(FilteredLReLUConfig(up: 2, upTaps: 12, down: 2, downTaps: 12, radialDown: false, outSize: 36).upsampledSize == u)
        // Bias on 38², up FIR two 1-D passes of 6 taps over 38 x 82 and 82², activation 4 on 82², down FIR two 1-D
        // passes of 12 taps over 82 x 36 and 36².
        let perChannel = 38 * 38 + 2 * 6 * (38 * u + u * u) + 4 * u * u + 2 * 12 * (u * 36 + 36 * 36)
        let cost = op.cost(batch: 2, precision: .fp32)
        #expect(cost.forward.flops == 2 * 512 * perChannel)
        #expect(cost.backwardInput.flops == cost.forward.flops)
        let signs = (512 * u * u + 3) / 4
        #expect(cost.forward.bytesWritten == 2 * (512 * 36 * 36 * 4 + signs))
        #expect(cost.forward.bytesRead == 2 * 512 * 38 * 38 * 4 + 512 * 4)
        #expect(cost.privateSavedBytes == 2 * signs)
        let r = try ModelConfig(architecture: .stylegan3, resolution: 1024, preset: "r").build().generator
        let radial = try #require(r.ops.first { $0.name == "G.L0.filtered_lrelu" })
        // 1x1 kernels: the input stays 36 px; the down filter is one 12 x 12 pass over 36².
        let radialPerChannel = 36 * 36 + 2 * 6 * (36 * u + u * u) + 4 * u * u + 2 * 12 * 12 * 36 * 36
        #expect(radial.cost(batch: 1, precision: .fp32).forward.flops == 1024 * radialPerChannel)
    }

    /// The grouped convolution materialises per-sample weights: its bytes grow with batch x weight, unlike StyleGAN2's.
    @Test func theGroupedConvolutionMovesPerSampleWeights() throws {
        let g = try ModelConfig(architecture: .stylegan3, resolution: 256).build().generator
        let op = try #require(g.ops.first { $0.name == "G.L1.conv" })
        let weight = 512 * 512 * 9
        let one = op.cost(batch: 1, precision: .fp32), eight = op.cost(batch: 8, precision: .fp32)
        #expect(eight.forward.bytesWritten - 8 * one.forward.bytesWritten == 0)
        #expect(one.forward.bytesWritten > 3 * weight * 4)
        #expect(one.backwardWeight.bytesWritten >= (weight + op.parameterCount) * 4)
    }

    /// R blurs D's inputs (a 61-tap separable Gaussian); T does not; D is otherwise StyleGAN2's.
    @Test func rBlursTheImagesEnteringD() throws {
        let r = try ModelConfig(architecture: .stylegan3, resolution: 256, preset: "r").build().discriminator
        let t = try ModelConfig(architecture: .stylegan3, resolution: 256, preset: "t").build().discriminator
        #expect(r.ops[1].kind == .separableBlur(taps: 61))
        #expect(!t.ops.contains { $0.kind.name == "blur" })
        #expect(r.ops.count == t.ops.count + 1)
    }

    @Test func anUnknownPresetIsRefusedNamingIt() throws {
        #expect {
            try ModelConfig(architecture: .stylegan3, preset: "x").build()
        } throws: { "\($0)".contains("preset 'x'") && "\($0)".contains("t, r") }
        #expect(throws: ModelError.self) { try ModelConfig(architecture: .stylegan3, resolution: 64).build() }
    }

    /// The official recipe: R1 every 16, no path length, EMA; one flat gradient reduction per phase.
    @Test func theOfficialRecipeAndImplementation() throws {
        let recipe = TrainingRecipe.official(for: .stylegan3, batchPerDevice: 4, precision: .fp16)
        #expect(recipe.r1Interval == 16 && recipe.pathLengthInterval == 0 && recipe.ema && recipe.discriminatorSteps == 1)
        #expect(recipe.precision.highestResolutions == 4)
        #expect(ImplementationProfile.official(for: .stylegan3)?.name == "stylegan3")
        let video = try #require(ImplementationProfile.official(for: .styleganV))
        #expect(video.name == "stylegan-v")
        var counts = video
        counts.name = ImplementationProfile.stylegan2AdaPyTorch.name
        counts.architectures = ImplementationProfile.stylegan2AdaPyTorch.architectures
        counts.source = ImplementationProfile.stylegan2AdaPyTorch.source
        counts.forwardKernels = counts.forwardKernels.filter { ImplementationProfile.stylegan2AdaPyTorch.forwardKernels[$0.key] != nil }
        #expect(counts == ImplementationProfile.stylegan2AdaPyTorch)
    }

    /// The stylegan3 profile's launches per layer are the sheet's (read from the code): about 21 per synthesis layer
    /// forward in fp32 and 23 in fp16, 13 for ToRGB, 30 for the input layer, each layer's `filtered_lrelu` 3 (2 kernels
    /// and a copy), plus the magnitude-EMA update's 4.5 in one of the iteration's two G forwards (2.25 on average).
    @Test func launchesPerLayerAreTheSheets() throws {
        let profile = ImplementationProfile.stylegan3PyTorch
        let g = try ModelConfig(architecture: .stylegan3, resolution: 1024).build().generator
        func kernels(_ block: String, _ precision: Precision) -> Double {
            g.ops.filter { $0.block == block }.reduce(0) { $0 + profile.forwardKernels(of: $1, precision: precision) }
        }
        #expect(kernels("L3", .fp32) - 2.25 == 21)
        #expect(kernels("L3", .fp16) - 2.25 == 23)
        #expect(kernels("L14", .fp32) - 2.25 == 13)
        #expect(kernels("input", .fp32) == 30)
        #expect(profile.forwardKernels["filtered_lrelu"] == 3)
    }

    /// fp16 in layers whose sampling rate x 2^4 exceeds the resolution; the input layer and the mapping stay fp32.
    @Test func halfPrecisionFollowsTheSamplingRate() throws {
        let model = try ModelConfig(architecture: .stylegan3, resolution: 1024).build()
        let recipe = TrainingRecipe.official(for: .stylegan3, batchPerDevice: 1, precision: .fp16)
        let top = 1024
        for op in model.generator.ops where op.kind.name == "filtered_lrelu" || op.block == "input" || op.block == "mapping" {
            let expected: Precision = op.resolution * 16 > top ? .fp16 : .fp32
            #expect(recipe.precision.precision(of: op, topResolution: top) == expected, "\(op.name)")
        }
    }
}

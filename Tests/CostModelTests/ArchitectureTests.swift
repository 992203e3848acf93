import CostModel
import Workload
import Testing

/// Every architecture builds at every supported resolution with consistent shapes.
@Suite struct ArchitectureTests {
    @Test(arguments: Architecture.allCases)
    func buildsAtEverySupportedResolution(_ a: Architecture) throws {
        for r in a.supportedResolutions {
            let m = try ModelConfig(architecture: a, resolution: r == 0 ? nil : r).build()
            if r == 0 {
                #expect(m.sampleShape == .vector(2))
            } else {
                // A video GAN's sample is its frames stacked along the height.
                #expect(m.sampleShape == .image(3, m.imagesPerSample * r, r))
            }
            // D consumes what G produces and emits one logit per sample.
            let image = try #require(m.discriminator.ops.first { $0.name == "D.image" })
            #expect(image.outputShape == m.sampleShape)
            #expect(m.discriminator.outputShape == .vector(1))
            #expect(m.generator.parameterCount > 0 && m.discriminator.parameterCount > 0)
            for op in m.generator.ops + m.discriminator.ops {
                #expect(op.inputs.allSatisfy { $0 < op.id }, "graph must be topologically ordered at \(op.name)")
                // Measurement files name ops by kind; the name must lead back to the kind's class.
                #expect(OpClass.forKindName(op.kind.name) == op.kind.opClass, "\(op.name)")
            }
        }
    }

    @Test func dcgan32And128FollowThePattern() throws {
        // 32 px: ConvT(100,256,4) BN, ConvT(256,128) BN, ConvT(128,64) BN, ConvT(64,3): no biases.
        let g32 = try ModelConfig(architecture: .dcgan, resolution: 32, width: 64).build().generator
        #expect(g32.parameterCount == 100 * 256 * 16 + 512 + 256 * 128 * 16 + 256 + 128 * 64 * 16 + 128 + 64 * 3 * 16)
        let m128 = try ModelConfig(architecture: .dcgan, resolution: 128, width: 64).build()
        #expect(m128.generator.ops.filter { if case .convTranspose2d = $0.kind { true } else { false } }.count == 6)
    }

    @Test func resnetGANMatchesSNGANCifar() throws {
        // G: linear 128 -> 4096 (+bias); 3 blocks of 2x(3x3 256->256) + 1x1 shortcut + 2 BN; BN; conv 256->3.
        let m = try ModelConfig(architecture: .resnetGAN).build()
        let block = 2 * (256 * 256 * 9 + 256) + (256 * 256 + 256) + 2 * 512
        #expect(m.generator.parameterCount == 128 * 4096 + 4096 + 3 * block + 512 + 256 * 3 * 9 + 3)
        // D (128 ch): optimised block, one down block, two plain blocks, linear.
        let first = (3 * 128 * 9 + 128) + (128 * 128 * 9 + 128) + (3 * 128 + 128)
        let down = 2 * (128 * 128 * 9 + 128) + (128 * 128 + 128)
        let plain = 2 * (128 * 128 * 9 + 128)
        #expect(m.discriminator.parameterCount == first + down + 2 * plain + 129)
    }

    @Test func stylegan2MappingDepthFollowsPreset() throws {
        let auto = try ModelConfig(architecture: .stylegan2, resolution: 256, preset: "auto").build()
        #expect(auto.generator.parameterCount(blockPrefix: "mapping") == 2 * (512 * 512 + 512))
        #expect(auto.preset?.name == "auto")
    }

    @Test func proganPhasesGrowToTheTarget() throws {
        let m = try ModelConfig(architecture: .progan, resolution: 64).build()
        // 4 stable, then fade-in + stable at 8, 16, 32, 64.
        #expect(m.phases.map(\.resolution) == [4, 8, 8, 16, 16, 32, 32, 64, 64])
        #expect(m.phases.map(\.fadingIn) == [false, true, false, true, false, true, false, true, false])
        #expect(m.phases.last!.generator.parameterCount == m.generator.parameterCount)
        // G at 4x4: dense 512 -> 512*16 with bias, 3x3 conv 512 -> 512, toRGB 512 -> 3.
        #expect(m.phases[0].generator.parameterCount == 512 * 8192 + 8192 + 512 * 512 * 9 + 512 + 512 * 3 + 3)
    }

    @Test func bigganAttentionCanMoveOrBeDropped() throws {
        let none = try ModelConfig(architecture: .biggan, resolution: 128, attentionResolution: 0).build()
        let standard = try ModelConfig(architecture: .biggan, resolution: 128).build()
        #expect(standard.generator.parameterCount - none.generator.parameterCount == 2 * 192 * 24 + 2 * 192 * 96 + 1)
    }

    @Test func badConfigurationsListWhatIsAccepted() {
        #expect(throws: ModelError.unsupported(field: "resolution", value: "100", accepted: ["128", "256", "512"])) {
            try ModelConfig(architecture: .biggan, resolution: 100).build()
        }
        #expect(throws: ModelError.self) { try ModelConfig(architecture: .dcgan, width: 0).build() }
        #expect(throws: ModelError.self) { try ModelConfig(architecture: .stylegan2, preset: "config-z").build() }
        #expect(throws: ModelError.self) { try ModelConfig(architecture: .stylegan2, resolution: 512, preset: "paper256").build() }
        #expect(throws: ModelError.self) { try Architecture.named("gan9000") }
        #expect(throws: ModelError.self) { try DeviceCatalog.profile(named: "k80") }
        do {
            _ = try Precision.named("fp4")
            Issue.record("fp4 was accepted")
        } catch {
            #expect(error.description == "unsupported precision 'fp4'; accepted: fp32, tf32, fp16, bf16, fp8")
        }
    }
}

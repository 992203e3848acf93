import CostModel
import Workload
import Testing

/// Parameter counts against the official implementations (computed from their PyTorch code).
@Suite struct ParameterCountTests {
    func model(_ a: Architecture, resolution: Int? = nil, width: Int? = nil, preset: String? = nil) throws -> GANModel {
        try ModelConfig(architecture: a, resolution: resolution, width: width, preset: preset).build()
    }

    @Test func dcgan64() throws {
        let m = try model(.dcgan, resolution: 64, width: 64)
        #expect(m.generator.parameterCount == 3_576_704)
        #expect(m.discriminator.parameterCount == 2_765_568)
    }

    @Test func biggan128() throws {
        let m = try model(.biggan, resolution: 128, width: 96)
        #expect(m.generator.parameterCount == 70_433_988)
        #expect(m.discriminator.parameterCount == 87_982_370)
    }

    @Test func biggan256() throws {
        let m = try model(.biggan, resolution: 256, width: 96)
        #expect(m.generator.parameterCount == 82_108_548)
        #expect(m.discriminator.parameterCount == 99_225_890)
    }

    @Test func stylegan2ConfigF1024() throws {
        let m = try model(.stylegan2, resolution: 1024, preset: "config-f")
        #expect(m.generator.parameterCount == 30_370_060)
        #expect(m.generator.parameterCount(blockPrefix: "mapping") == 2_101_248)
        #expect(m.discriminator.parameterCount == 29_012_513)
    }

    @Test func stylegan2Auto256() throws {
        let m = try model(.stylegan2, resolution: 256, preset: "auto")
        #expect(m.generator.parameterCount == 23_191_522)
        #expect(m.discriminator.parameterCount == 24_001_089)
    }

    /// StyleGAN3 G (mapping, synthesis) and D at 256, 512 and 1024 px, T and R (`../shared/workloads/stylegan3.md`).
    @Test(arguments: [
        ("t", 256, 28_472_133, 27_946_821, 28_864_129), ("t", 512, 24_873_519, 24_348_207, 28_982_849),
        ("t", 1024, 22_313_167, 21_787_855, 29_012_513), ("r", 256, 18_816_387, 18_291_075, 28_864_129),
        ("r", 512, 16_665_594, 16_140_282, 28_982_849), ("r", 1024, 15_093_151, 14_567_839, 29_012_513),
    ])
    func stylegan3(preset: String, resolution: Int, g: Int, synthesis: Int, d: Int) throws {
        let m = try model(.stylegan3, resolution: resolution, preset: preset)
        #expect(m.generator.parameterCount == g)
        #expect(m.generator.parameterCount(blockPrefix: "mapping") == 525_312)
        #expect(m.generator.parameterCount - m.generator.parameterCount(blockPrefix: "mapping") == synthesis)
        #expect(m.discriminator.parameterCount == d)
        // 67 parameter tensors in G at any resolution (the sheet), 38 (256 px) to 48 (1024 px) in D.
        #expect(m.generator.parameterTensorCount == 67)
        #expect(m.discriminator.parameterTensorCount == [256: 38, 512: 43, 1024: 48][resolution])
    }

    /// StyleGAN-V at 256 px with 3 frames (the FaceForensics set-up) and at 1024 px (`../shared/workloads/stylegan-v.md`).
    @Test func styleganV() throws {
        let m = try model(.styleganV, resolution: 256)
        #expect(m.generator.parameterCount == 32_105_941)
        #expect(m.generator.parameterCount(blockPrefix: "mapping") == 525_312)
        #expect(m.generator.parameterCount(blockPrefix: "motion") == 6_292_480)
        #expect(m.discriminator.parameterCount == 25_333_568)
        #expect(m.discriminator.ops.first { $0.name == "D.conditioning.time_encoder" }?.parameterCount == 262_144)
        let conditioning = m.discriminator.parameterCount(blockPrefix: "conditioning")
        #expect(conditioning - 262_144 == 808_448)
        #expect(m.discriminator.parameterCount(blockPrefix: "b16") == 6_292_480)
        let large = try model(.styleganV, resolution: 1024)
        #expect(large.generator.parameterCount == 37_708_539)
        #expect(large.discriminator.parameterCount == 30_344_992)
    }

    @Test func stylegan2Auto512() throws {
        let m = try model(.stylegan2, resolution: 512, preset: "auto")
        #expect(m.generator.parameterCount == 28_700_647)
        #expect(m.discriminator.parameterCount == 28_982_849)
    }
}

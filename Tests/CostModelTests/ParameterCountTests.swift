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

    @Test func stylegan2Auto512() throws {
        let m = try model(.stylegan2, resolution: 512, preset: "auto")
        #expect(m.generator.parameterCount == 28_700_647)
        #expect(m.discriminator.parameterCount == 28_982_849)
    }
}

/// The scenario `gansim simulate` runs without a file: BigGAN-128 on one DGX-1 (8x V100).
public enum DefaultScenario {
    /// The YAML text (same schema as `scenarios/*.yaml`).
    public static let yaml = """
        name: dgx1-v100-biggan128
        model:
          architecture: biggan
          resolution: 128
          width: 96
        recipe:
          batchPerDevice: 32
          discriminatorSteps: 2
          precision: fp32
          optimizer: adam
          ema: true
        cluster:
          topology: dgx1-v100
          devices: 8
        communication:
          algorithm: ring
          bucket: 25MB
        training:
          iterations: 150000
        simulate:
          iterations: 10
        seed: 1
        """
}

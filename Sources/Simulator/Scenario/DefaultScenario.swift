/// The scenario `gansim simulate` runs without a file: BigGAN-128 on one DGX-1 (8x V100), with BigGAN-PyTorch's
/// bs256x8 recipe (batch 256 over 8 GPUs, 8 accumulations of G and of D, 1 D step; `../shared/workloads/biggan-pytorch.md`).
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
          discriminatorSteps: 1
          accumulation: 8
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

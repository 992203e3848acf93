import ArgumentParser
import CostModel
import Workload

/// The flags that choose a training recipe; unset ones take the architecture's official recipe.
struct RecipeOptions: ParsableArguments {
    @Option(help: "Samples per device per micro-batch.")
    var batch: Int = 32

    @Option(help: "Precision: fp32, tf32, fp16, bf16, fp8 (16-bit keeps fp32 master weights; fp8 runs matrix products in fp8 and the rest in bf16, on devices with an fp8 peak).")
    var precision: String = "fp32"

    @Option(name: .customLong("ndisc"), help: "D steps per iteration (official recipe if omitted).")
    var discriminatorSteps: Int?

    @Option(help: "Micro-batches accumulated per optimizer step (official recipe if omitted).")
    var accumulation: Int?

    @Option(name: .customLong("ema"), help: "Keep an EMA of G: true or false (official recipe if omitted).")
    var ema: Bool?

    @Option(help: "How the host launches kernels: eager (default) or graphs (CUDA graphs / torch.compile reduce-overhead); priced by a profile with a GPU execution model.")
    var hostLaunches: HostLaunchMode?

    @Option(help: "The implementation whose kernel launches are priced: stylegan2-ada-pytorch, biggan-pytorch, compiled (XLA / torch.compile what-if) or gansim-cpu (default: the architecture's official code).")
    var implementation: String?

    /// The recipe for `architecture` with these flags applied.
    func recipe(for architecture: Architecture) throws -> TrainingRecipe {
        var r = TrainingRecipe.official(for: architecture, batchPerDevice: batch,
                                        precision: try Precision.named(precision))
            .overriding(discriminatorSteps: discriminatorSteps, accumulation: accumulation, ema: ema)
        r.hostLaunches = hostLaunches
        r.implementation = implementation
        try r.validate()
        try WorkloadLimits.check(r)
        return r
    }
}

import CostModel
import Workload

/// The built-in calibration fit set and validation plans for the local CPU (single processes and data-parallel runs).
///
/// The fit set and the single-process plan are disjoint: the fit set trains small DCGAN-32s, mlp-gans and resnet-gans;
/// validation predicts other widths, resolutions (DCGAN-64), batches, thread counts, nDisc
/// and accumulation, none of which the fit saw as a whole run.
public enum Plans {
    /// The latent width `gansim train mlp-gan` uses by default (a 4-dimensional z covers
    /// the ring in 5000 iterations; see the trainer's defaults).
    static let mlpLatent = 4

    /// Runs whose op timings and steps calibrate the `cpu` profile.
    ///
    /// Each run does 4 to 40 iterations, the first a warm-up, so that the per-op medians
    /// (and the step medians that fit the per-iteration overhead) survive a few disturbed
    /// iterations on a shared machine. At each thread count the runs span small and large
    /// ops of every class (batches 8 to 48, widths 16 to 64): over a narrow range a class's
    /// fixed overhead and its efficiency trade off against each other. Resnet-gan runs at
    /// both thread counts because only resnet-gan has resampling ops and residual adds. The
    /// 1-thread mlp-gans span 64- to 448-wide products, because a product's efficiency grows
    /// with its width over that range. The 2-thread mlp-gans include two whose products are
    /// large enough to split (`ThreadSplit.minimumMultiplyAdds`), so that split products are
    /// fitted, not extrapolated. What each of these choices corrected is in docs/cpu-model.md.
    public static let fitSet: [RunConfiguration] = [
        RunConfiguration(.dcgan, resolution: 32, width: 16, batch: 16, threads: 1, steps: 12),
        RunConfiguration(.dcgan, resolution: 32, width: 32, batch: 32, threads: 2, steps: 12),
        RunConfiguration(.dcgan, resolution: 32, width: 64, batch: 8, threads: 1, steps: 10),
        RunConfiguration(.dcgan, resolution: 32, width: 48, batch: 24, threads: 2, steps: 10),
        RunConfiguration(.dcgan, resolution: 32, width: 16, batch: 8, threads: 2, steps: 16),
        RunConfiguration(.dcgan, resolution: 32, width: 64, batch: 48, threads: 2, steps: 6),
        RunConfiguration(.dcgan, resolution: 32, width: 24, batch: 48, threads: 1, steps: 8),
        RunConfiguration(.mlpGAN, width: 64, batch: 128, threads: 1, latentDim: mlpLatent, steps: 40),
        RunConfiguration(.mlpGAN, width: 192, batch: 96, threads: 1, latentDim: mlpLatent, steps: 30),
        RunConfiguration(.mlpGAN, width: 448, batch: 96, threads: 1, latentDim: mlpLatent, steps: 20),
        RunConfiguration(.mlpGAN, width: 256, batch: 64, threads: 2, latentDim: mlpLatent, steps: 40),
        RunConfiguration(.mlpGAN, width: 64, batch: 32, threads: 2, latentDim: mlpLatent, steps: 40),
        RunConfiguration(.mlpGAN, width: 768, batch: 48, threads: 2, latentDim: mlpLatent, steps: 20),
        RunConfiguration(.mlpGAN, width: 384, batch: 192, threads: 2, latentDim: mlpLatent, steps: 20),
        RunConfiguration(.resnetGAN, width: 32, batch: 8, threads: 2, steps: 8),
        RunConfiguration(.resnetGAN, width: 16, batch: 8, threads: 1, steps: 8),
        RunConfiguration(.resnetGAN, width: 16, batch: 16, threads: 2, steps: 6),
        RunConfiguration(.resnetGAN, width: 24, batch: 16, threads: 1, steps: 4),
    ]

    /// Configurations predicted and then run for real.
    public static let validation: [RunConfiguration] = [
        RunConfiguration(.dcgan, resolution: 32, width: 32, batch: 16, threads: 1, steps: 6),
        RunConfiguration(.dcgan, resolution: 32, width: 64, batch: 32, threads: 2, steps: 5),
        RunConfiguration(.dcgan, resolution: 32, width: 24, batch: 64, threads: 2, discriminatorSteps: 2, steps: 5),
        RunConfiguration(.dcgan, resolution: 32, width: 32, batch: 16, threads: 2, accumulation: 2, steps: 5),
        RunConfiguration(.dcgan, resolution: 64, width: 16, batch: 16, threads: 1, steps: 4),
        RunConfiguration(.dcgan, resolution: 64, width: 32, batch: 8, threads: 2, steps: 4),
        RunConfiguration(.mlpGAN, width: 128, batch: 256, threads: 1, latentDim: mlpLatent, steps: 20),
        RunConfiguration(.mlpGAN, width: 512, batch: 128, threads: 2, latentDim: mlpLatent, steps: 15),
        RunConfiguration(.mlpGAN, width: 128, batch: 64, threads: 2, discriminatorSteps: 3, latentDim: mlpLatent,
                         steps: 20),
        RunConfiguration(.resnetGAN, width: 64, batch: 8, threads: 1, steps: 3),
        RunConfiguration(.resnetGAN, width: 48, batch: 16, threads: 2, discriminatorSteps: 1, steps: 3),
        RunConfiguration(.resnetGAN, width: 32, batch: 16, threads: 1, discriminatorSteps: 2, accumulation: 2,
                         steps: 3),
    ]

    /// The data-parallel runs of `gansim validate-distributed`: np 2, one thread per rank, then two threads per rank
    /// and four ranks: mlp-gans from negligible to dominant gradient traffic (hidden 128: 17 k parameters per
    /// network; 2048: 4.2 M, a 17 MB bucket per step), one with 4 MB buckets reduced while backward runs, MPI's own
    /// all-reduce, and two DCGAN-32s (compute-bound; batch norm makes them per-rank statistics runs, which changes no
    /// timing). Each runs 20 steps or more where its steps are short (under a second in all), so that a rank's medians
    /// of compute and of waiting, which move with a single disturbed step at a handful of steps, rest on many.
    public static let dataParallel: [RunConfiguration] = [
        RunConfiguration(.mlpGAN, width: 128, batch: 256, steps: 200, dataParallel: .init(ranks: 2)),
        RunConfiguration(.mlpGAN, width: 512, batch: 256, steps: 40, dataParallel: .init(ranks: 2)),
        RunConfiguration(.mlpGAN, width: 1024, batch: 128, steps: 24, dataParallel: .init(ranks: 2)),
        RunConfiguration(.mlpGAN, width: 2048, batch: 64, steps: 8, dataParallel: .init(ranks: 2)),
        RunConfiguration(.mlpGAN, width: 2048, batch: 64, steps: 8, dataParallel: .init(ranks: 2, bucketBytes: 4_000_000)),
        RunConfiguration(.mlpGAN, width: 2048, batch: 64, steps: 8, dataParallel: .init(ranks: 2, allreduce: .mpi)),
        RunConfiguration(.dcgan, resolution: 32, width: 16, batch: 32, steps: 40, dataParallel: .init(ranks: 2)),
        RunConfiguration(.dcgan, resolution: 32, width: 32, batch: 32, steps: 20, dataParallel: .init(ranks: 2)),
        // Two threads per rank: twice the threads of the 2-core machine this plan was laid out for.
        RunConfiguration(.mlpGAN, width: 1024, batch: 128, threads: 2, steps: 24, dataParallel: .init(ranks: 2)),
        RunConfiguration(.dcgan, resolution: 32, width: 16, batch: 32, threads: 2, steps: 40, dataParallel: .init(ranks: 2)),
        // Four ranks (mpirun --oversubscribe): two per core on the 2-core machine this plan was laid out for.
        RunConfiguration(.mlpGAN, width: 512, batch: 256, steps: 40, dataParallel: .init(ranks: 4)),
        RunConfiguration(.mlpGAN, width: 2048, batch: 64, steps: 8, dataParallel: .init(ranks: 4)),
        RunConfiguration(.dcgan, resolution: 32, width: 16, batch: 32, steps: 40, dataParallel: .init(ranks: 4)),
    ]
}

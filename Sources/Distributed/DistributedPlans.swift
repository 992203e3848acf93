/// The built-in configurations of the communication validation (`gansim validate-distributed`).
public enum DistributedPlans {
    /// np 2, one thread per rank, then two threads per rank and four ranks: mlp-gans from negligible to dominant gradient traffic
    /// (hidden 128: 17 k parameters per network; 2048: 4.2 M, a 17 MB bucket per
    /// step), one with 4 MB buckets reduced while backward runs, MPI's own all-reduce, and
    /// two DCGAN-32s (compute-bound; batch norm makes them per-rank statistics runs,
    /// which changes no timing).
    public static let validation: [DistributedRunConfiguration] = [
        DistributedRunConfiguration(.mlpGAN, width: 128, batch: 256, steps: 30),
        DistributedRunConfiguration(.mlpGAN, width: 512, batch: 256, steps: 20),
        DistributedRunConfiguration(.mlpGAN, width: 1024, batch: 128, steps: 12),
        DistributedRunConfiguration(.mlpGAN, width: 2048, batch: 64, steps: 8),
        DistributedRunConfiguration(.mlpGAN, width: 2048, batch: 64, bucketBytes: 4_000_000, steps: 8),
        DistributedRunConfiguration(.mlpGAN, width: 2048, batch: 64, allreduce: .mpi, steps: 8),
        DistributedRunConfiguration(.dcgan, resolution: 32, width: 16, batch: 32, steps: 6),
        DistributedRunConfiguration(.dcgan, resolution: 32, width: 32, batch: 32, steps: 5),
        // Two threads per rank: four threads on a 2-core machine.
        DistributedRunConfiguration(.mlpGAN, width: 1024, batch: 128, threadsPerRank: 2, steps: 12),
        DistributedRunConfiguration(.dcgan, resolution: 32, width: 16, batch: 32, threadsPerRank: 2, steps: 6),
        // Four ranks (mpirun --oversubscribe): two per core on a 2-core machine.
        DistributedRunConfiguration(.mlpGAN, width: 512, batch: 256, ranks: 4, steps: 20),
        DistributedRunConfiguration(.mlpGAN, width: 2048, batch: 64, ranks: 4, steps: 8),
        DistributedRunConfiguration(.dcgan, resolution: 32, width: 16, batch: 32, ranks: 4, steps: 6),
    ]
}

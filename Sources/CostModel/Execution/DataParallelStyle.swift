/// How an implementation spreads a network over several devices: what its data parallelism launches and reduces when.
public enum DataParallelStyle: String, Sendable, Hashable, Codable {
    /// One process per device (`DistributedDataParallel`, Horovod, an MPI trainer): each host issues its own device's
    /// kernels, and the gradients are reduced in buckets during the backward that finishes the step's gradients.
    case processPerDevice
    /// One process drives every device (`nn.DataParallel`): each forward call replicates the parameters and runs the
    /// replicas' forwards from Python threads, which the interpreter lock serialises, so the host issues a forward's
    /// kernels once per replica; every backward reduces the gradients onto the first device (the autograd engine's
    /// device threads issue the backward kernels in parallel).
    case singleProcess
}

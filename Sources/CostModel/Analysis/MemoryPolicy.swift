import Workload
/// How a training framework keeps activations, which decides the activation memory.
public enum MemoryPolicy: String, Codable, Sendable, Hashable {
    /// PyTorch/JAX style: only the tensors backward needs stay alive (shared ones once).
    case savedTensors
    /// gansim's CPU trainer: every op keeps its output buffer and an output-gradient
    /// buffer for the whole step (they are reused across steps, so nothing is
    /// allocated per step), and convolutions share three scratch buffers for oneDNN's
    /// blocked copies of a chunk of samples (`ConvolutionLayout`).
    case allOutputs
}

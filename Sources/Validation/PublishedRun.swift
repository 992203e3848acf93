import Simulator
import Workload

/// One row of a whole-run timing file: a training configuration and the time (and memory) a published run measured.
public struct PublishedRun: Sendable, Codable, Hashable {
    /// `file:line` of the row.
    public var source: String
    /// The GAN (architecture, resolution, preset).
    public var model: ModelConfig
    /// Training precision (16-bit: the architecture's mixed-precision recipe).
    public var precision: Precision
    /// The cluster kind the run used (a server-based `gansim` topology, e.g. `dgx1-v100`).
    public var topology: TopologyKind
    /// GPUs of the run (data parallel).
    public var gpus: Int
    /// Samples per GPU per iteration.
    public var batchPerGPU: Int
    /// Measured seconds per 1000 real images shown to D (the midpoint where the source gives a range).
    public var secondsPerKimg: Double
    /// The source's range of seconds per kimg, if it gives one.
    public var secondsPerKimgRange: [Double]?
    /// Peak of live tensors per GPU (`torch.cuda.max_memory_allocated`), in bytes, if published.
    public var peakAllocatedBytes: Int?

    public init(source: String, model: ModelConfig, precision: Precision, topology: TopologyKind, gpus: Int, batchPerGPU: Int,
                secondsPerKimg: Double, secondsPerKimgRange: [Double]? = nil, peakAllocatedBytes: Int? = nil) {
        self.source = source
        self.model = model
        self.precision = precision
        self.topology = topology
        self.gpus = gpus
        self.batchPerGPU = batchPerGPU
        self.secondsPerKimg = secondsPerKimg
        self.secondsPerKimgRange = secondsPerKimgRange
        self.peakAllocatedBytes = peakAllocatedBytes
    }

    /// Real images per iteration over all GPUs.
    public var imagesPerIteration: Int { gpus * batchPerGPU }

    /// Measured seconds per training iteration.
    public var secondsPerIteration: Double { secondsPerKimg * Double(imagesPerIteration) / 1000 }

    /// A short label such as `stylegan2-128 auto 8 GPUs b8 fp16`.
    public var label: String { "\(model.label) \(gpus) GPU\(gpus == 1 ? "" : "s") b\(batchPerGPU) \(precision.rawValue)" }
}

import CPUExecution
import Workload
import Dispatch

/// A network built from a CostModel `Graph`: one layer per op, executed in graph order,
/// with all parameters in one flat buffer.
public final class Network {
    /// The graph this network executes.
    public let graph: Graph
    /// One layer per op, `layers[i]` executing `graph.ops[i]`.
    public let layers: [any Layer]
    /// Parameters and gradients.
    public let parameters: ParameterBuffer
    /// Per-op wall times of the passes since the last `resetTimes()`, in seconds.
    public private(set) var forwardSeconds: [Double]
    /// Per-op backward wall times since the last `resetTimes()`, in seconds.
    public private(set) var backwardSeconds: [Double]
    /// Per op, whether a timed forward since the last `resetTimes()` split a loop or
    /// product across threads (`Parallel.splits`).
    public private(set) var forwardSplit: [Bool]
    /// Per op, whether a timed backward since the last `resetTimes()` split a loop or
    /// product across threads.
    public private(set) var backwardSplit: [Bool]
    /// Whether passes record per-op times.
    public var timing = true
    /// Called with an op's id after its backward has written its weight gradients (only
    /// in passes with `weightGradients`, in reverse op order); data-parallel training
    /// starts reducing gradient buckets from here while the rest of backward runs.
    public var onWeightGradientsReady: ((Int) -> Void)?

    private let input: InputLayer
    private var outputs: [Tensor?]
    private var accumulators: [TensorCache]

    /// Builds the network of `graph`, refusing any op the runner cannot execute, and
    /// initialises its parameters with `scheme`.
    ///
    /// - Throws: `RunnerError.unsupportedOp` naming the first op without a kernel, or
    ///   `RunnerError.unsupportedGraph` when the graph has other than one input.
    public init(graph: Graph, scheme: InitScheme, rng: SeededRandom, workspace: Workspace = Workspace())
        throws(RunnerError)
    {
        self.graph = graph
        var layers: [any Layer] = []
        for op in graph.ops { layers.append(try LayerFactory.make(op, graph: graph.name, workspace: workspace, rng: rng)) }
        let inputs = layers.compactMap { $0 as? InputLayer }
        guard inputs.count == 1 else {
            throw .unsupportedGraph(name: graph.name, reason: "the CPU trainer runs graphs with exactly one input, this one has \(inputs.count)")
        }
        input = inputs[0]
        self.layers = layers
        var views: [ParameterView] = []
        var offset = 0
        for layer in layers {
            for p in layer.parameterShapes {
                let v = ParameterView(name: "\(layer.op.name).\(p.name)", opID: layer.op.id, offset: offset, shape: p.shape)
                views.append(v)
                offset += v.count
            }
        }
        parameters = ParameterBuffer(views: views)
        for layer in layers {
            if let first = views.first(where: { $0.opID == layer.op.id }) {
                layer.bind(parameters: parameters.values.data + first.offset,
                           gradients: parameters.gradients.data + first.offset)
            }
        }
        var byID: [Int: any Layer] = [:]
        for l in layers { byID[l.op.id] = l }
        scheme.initialize(parameters, layers: byID, rng: rng)
        outputs = Array(repeating: nil, count: graph.ops.count)
        accumulators = Array(repeating: TensorCache(), count: graph.ops.count)
        forwardSeconds = Array(repeating: 0, count: graph.ops.count)
        backwardSeconds = Array(repeating: 0, count: graph.ops.count)
        forwardSplit = Array(repeating: false, count: graph.ops.count)
        backwardSplit = forwardSplit
    }

    /// Runs the network on `x` (`(B, ...)` matching the graph input) and returns the
    /// output, owned by the last layer.
    public func forward(_ x: Tensor) -> Tensor {
        input.value = x
        for (i, layer) in layers.enumerated() {
            let t0 = timing ? DispatchTime.now().uptimeNanoseconds : 0
            let splits0 = timing ? Parallel.splits : 0
            let op = graph.ops[i]
            outputs[i] = layer.forward(op.inputs.map { outputs[$0]! })
            if timing {
                forwardSeconds[i] += Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9
                if Parallel.splits != splits0 { forwardSplit[i] = true }
            }
        }
        return outputs[graph.outputID]!
    }

    /// Back-propagates `dOut` (the gradient of the loss wrt the output of the last
    /// `forward`), accumulating parameter gradients when `weightGradients` is set, and
    /// returns the gradient wrt the input when `inputGradient` is set.
    @discardableResult
    public func backward(_ dOut: Tensor, inputGradient: Bool, weightGradients: Bool) -> Tensor? {
        let n = graph.ops.count
        // requires[i]: whether the gradient wrt op i's output is needed.
        let requires = graph.gradientRequirements(weights: weightGradients, intoInputs: inputGradient)
        var grads = [Tensor?](repeating: nil, count: n)
        // summed[i]: whether grads[i] is accumulators[i], the network's own to add into.
        var summed = [Bool](repeating: false, count: n)
        grads[graph.outputID] = dOut
        for i in stride(from: n - 1, through: 0, by: -1) {
            let op = graph.ops[i]
            guard requires[i], let dy = grads[i], !op.inputs.isEmpty else { continue }
            let needs = op.inputs.map { requires[$0] }
            let t0 = timing ? DispatchTime.now().uptimeNanoseconds : 0
            let splits0 = timing ? Parallel.splits : 0
            let gs = layers[i].backward(dy, inputGradients: needs, weightGradients: weightGradients)
            for (j, src) in op.inputs.enumerated() {
                guard let g = gs[j] else { continue }
                // The first gradient of a value is kept by reference (it may be another
                // op's, or dy passed through by an add); later ones are summed into the
                // value's accumulator: one pass reading two and writing one, as the cost
                // model's `Graph.gradientAccumulation` prices it.
                if let existing = grads[src] {
                    if summed[src] {
                        Parallel.forEach(g.count) { r in for k in r { existing.data[k] += g.data[k] } }
                    } else {
                        let acc = accumulators[src].get(g.shape)
                        Parallel.forEach(g.count) { r in for k in r { acc.data[k] = existing.data[k] + g.data[k] } }
                        grads[src] = acc
                        summed[src] = true
                    }
                } else {
                    grads[src] = g
                }
            }
            if timing {
                backwardSeconds[i] += Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9
                if Parallel.splits != splits0 { backwardSplit[i] = true }
            }
            if weightGradients && op.hasParameters { onWeightGradientsReady?(i) }
        }
        return grads[input.op.id]
    }

    /// Zeroes the per-op time accumulators and split flags.
    public func resetTimes() {
        for i in forwardSeconds.indices {
            forwardSeconds[i] = 0
            backwardSeconds[i] = 0
            forwardSplit[i] = false
            backwardSplit[i] = false
        }
    }

    /// Turns spectral-norm power iterations on (training) or off (gradient checks).
    public func setSpectralNormIteration(_ on: Bool) {
        for id in layers.indices { spectralNormState(opID: id)?.iterate = on }
    }
}

extension Network {
    /// The spectral-norm state of op `id`, if that op is spectrally normalised.
    func spectralNormState(opID id: Int) -> SpectralNormState? {
        switch layers[id] {
        case let l as LinearLayer: l.spectralNormState
        case let l as Conv2DLayer: l.spectralNormState
        case let l as ConvTranspose2DLayer: l.spectralNormState
        default: nil
        }
    }
}

extension Network {
    /// Makes every batch norm normalise `groups` equal slices of its batch separately
    /// (1: the whole batch).
    public func setBatchNormGroups(_ groups: Int) {
        for case let bn as BatchNormLayer in layers { bn.groups = groups }
    }
}

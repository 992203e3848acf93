extension GraphBuilder {
    /// Adds a fully connected layer.
    public mutating func linear(
        _ x: Value, _ out: Int, bias: Bool = true, spectralNorm: Bool = false, name: String
    ) throws(GraphError) -> Value {
        try add(.linear(LinearConfig(inFeatures: x.shape.elementCount, outFeatures: out, bias: bias,
                                     spectralNorm: spectralNorm)), [x], name: name)
    }

    /// Adds a convolution with `out` output channels.
    public mutating func conv(
        _ x: Value, _ out: Int, kernel: Int, stride: Int = 1, padding: Int = 0, bias: Bool = true,
        spectralNorm: Bool = false, name: String
    ) throws(GraphError) -> Value {
        try add(.conv2d(ConvConfig(inChannels: x.shape.channels, outChannels: out, kernel: kernel, stride: stride,
                                   padding: padding, bias: bias, spectralNorm: spectralNorm)), [x], name: name)
    }

    /// Adds a transposed convolution with `out` output channels.
    public mutating func convTranspose(
        _ x: Value, _ out: Int, kernel: Int, stride: Int = 1, padding: Int = 0, bias: Bool = true, name: String
    ) throws(GraphError) -> Value {
        try add(.convTranspose2d(ConvConfig(inChannels: x.shape.channels, outChannels: out, kernel: kernel,
                                            stride: stride, padding: padding, bias: bias)), [x], name: name)
    }

    /// Adds a batch norm over the input's channels.
    public mutating func batchNorm(_ x: Value, affine: Bool = true, name: String) throws(GraphError) -> Value {
        try add(.batchNorm(channels: x.shape.channels, affine: affine), [x], name: name)
    }

    /// Adds a pointwise activation.
    public mutating func activation(_ x: Value, _ a: Activation, name: String) throws(GraphError) -> Value {
        try add(.activation(a), [x], name: name)
    }

    /// Adds an elementwise sum.
    public mutating func sum(_ a: Value, _ b: Value, name: String) throws(GraphError) -> Value {
        try add(.add, [a, b], name: name)
    }
}

extension OpClass {
    /// The class of an op kind given by its name (`OpKind.name`), or nil if unknown.
    public static func forKindName(_ name: String) -> OpClass? {
        switch name {
        case "linear": .matmul
        case "conv2d", "conv_transpose2d", "modulated_conv2d", "to_rgb": .convolution
        case "batch_norm", "conditional_batch_norm", "pixel_norm", "minibatch_stddev": .normalization
        case "self_attention": .attention
        case "optimizer", "ema", "adam", "sgd": .update
        case "input", "constant", "relu", "leaky_relu", "tanh", "sigmoid", "upsample", "avg_pool", "add", "concat",
            "slice", "reshape", "embedding", "projection", "noise", "fir_filter", "global_sum_pool":
            .elementwise
        default: nil
        }
    }
}

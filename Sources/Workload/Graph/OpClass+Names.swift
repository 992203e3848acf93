extension OpClass {
    /// The class of an op kind given by its name (`OpKind.name`), or nil if unknown.
    public static func forKindName(_ name: String) -> OpClass? {
        switch name {
        case "linear": .matmul
        case "conv2d", "modulated_conv2d", "to_rgb", "grouped_modulated_conv2d", "grouped_to_rgb", "conv1d": .convolution
        case "conv_transpose2d": .transposedConvolution
        case "batch_norm", "conditional_batch_norm", "pixel_norm", "minibatch_stddev": .normalization
        case "self_attention": .attention
        case "optimizer", "ema", "adam", "sgd": .update
        case "tanh", "sigmoid", "fourier_features", "motion_sampling", "time_gap_encoding": .transcendental
        case "upsample", "avg_pool", "fir_filter", "global_sum_pool", "filtered_lrelu", "blur": .resampling
        case "input", "constant", "relu", "leaky_relu", "add", "concat", "slice", "reshape", "embedding", "projection",
            "noise", "temporal_input":
            .elementwise
        default: nil
        }
    }
}

/// The hyper-parameters of StyleGAN3's fused `filtered_lrelu` (NVlabs/stylegan3 torch_utils/ops/filtered_lrelu.py,
/// `../shared/workloads/stylegan3.md`): bias, up-sampling FIR, leaky ReLU with gain and clamp, down-sampling FIR, in
/// one plugin call.
///
/// The op maps a `(C, S_in, S_in)` convolution output to `(C, outSize, outSize)`; in between the activation runs on
/// the up-sampled grid of `upsampledSize` pixels per side, which stays in the kernel's shared memory (only a 2-bit
/// sign per element of it is written, for the backward).
public struct FilteredLReLUConfig: Hashable, Sendable, Codable {
    /// Up-sampling factor (2, or 4 where the sampling rate doubles; 1 for ToRGB).
    public var up: Int
    /// Taps of the up-sampling filter (`filter_size` 6 x `up`: 12 or 24; 1 for none).
    public var upTaps: Int
    /// Down-sampling factor (2; 1 for ToRGB).
    public var down: Int
    /// Taps of the down-sampling filter (6 x `down`: 12; 1 for none).
    public var downTaps: Int
    /// Whether the down-sampling filter is radial (StyleGAN3-R's 2-D jinc on non-critical layers): one
    /// non-separable `downTaps x downTaps` filter instead of two 1-D passes.
    public var radialDown: Bool
    /// Output size per side (the next layer's `size`).
    public var outSize: Int

    public init(up: Int, upTaps: Int, down: Int, downTaps: Int, radialDown: Bool, outSize: Int) {
        self.up = up
        self.upTaps = upTaps
        self.down = down
        self.downTaps = downTaps
        self.radialDown = radialDown
        self.outSize = outSize
    }

    /// Side of the grid the activation runs on: the output before down-sampling plus the down filter's support
    /// (`(out_size - 1) * down + 1 + down_taps - 1`, SynthesisLayer's padding in networks_stylegan3.py).
    public var upsampledSize: Int { (outSize - 1) * down + downTaps }
}

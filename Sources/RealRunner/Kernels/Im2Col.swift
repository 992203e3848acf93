/// Batched im2col and col2im: the data movement that turns convolutions into one sgemm.
///
/// The column matrix is `(C*k*k, B*outH*outW)`: row `(c, ki, kj)`, column `(b, oh, ow)`
/// holds `x[b, c, oh*s - p + ki, ow*s - p + kj]` (zero outside the image).
public enum Im2Col {
    /// Fills `col (C*k*k, B*OH*OW)` from `x (B, C, H, W)`.
    public static func im2col(_ x: UnsafePointer<Float>, _ col: UnsafeMutablePointer<Float>, _ g: ConvGeometry) {
        let k = g.kernel, s = g.stride, p = g.padding
        let H = g.height, W = g.width, OH = g.outHeight, OW = g.outWidth
        let L = OH * OW, BL = g.batch * L, C = g.channels
        Parallel.forEach(g.colRows, costPerItem: BL) { rows in
            for r in rows {
                let c = r / (k * k), ki = (r / k) % k, kj = r % k
                // Valid output columns: 0 <= ow*s - p + kj < W.
                let owLo = max(0, (p - kj + s - 1) / s)
                let owHi = min(OW, (W - 1 + p - kj) / s + 1)  // exclusive
                for b in 0..<g.batch {
                    let xc = x + (b * C + c) * H * W
                    var dst = col + r * BL + b * L
                    for oh in 0..<OH {
                        let ih = oh * s - p + ki
                        if ih < 0 || ih >= H || owLo >= owHi {
                            dst.update(repeating: 0, count: OW)
                        } else {
                            let src = xc + ih * W
                            if owLo > 0 { dst.update(repeating: 0, count: owLo) }
                            if s == 1 {
                                (dst + owLo).update(from: src + (owLo - p + kj), count: owHi - owLo)
                            } else {
                                var iw = owLo * s - p + kj
                                for ow in owLo..<owHi {
                                    dst[ow] = src[iw]
                                    iw += s
                                }
                            }
                            if owHi < OW { (dst + owHi).update(repeating: 0, count: OW - owHi) }
                        }
                        dst += OW
                    }
                }
            }
        }
    }

    /// Adds the entries of `col (C*k*k, B*OH*OW)` into `x (B, C, H, W)` at the positions
    /// `im2col` read them from (`x` is accumulated into, not cleared).
    public static func col2im(_ col: UnsafePointer<Float>, _ x: UnsafeMutablePointer<Float>, _ g: ConvGeometry) {
        let k = g.kernel, s = g.stride, p = g.padding
        let H = g.height, W = g.width, OH = g.outHeight, OW = g.outWidth
        let L = OH * OW, BL = g.batch * L, C = g.channels
        // Parallel over channels: channel c owns rows c*k*k ..< (c+1)*k*k and x[:, c].
        Parallel.forEach(C, costPerItem: k * k * BL) { channels in
            for c in channels {
                for ki in 0..<k {
                    for kj in 0..<k {
                        let r = (c * k + ki) * k + kj
                        let owLo = max(0, (p - kj + s - 1) / s)
                        let owHi = min(OW, (W - 1 + p - kj) / s + 1)
                        if owLo >= owHi { continue }
                        for b in 0..<g.batch {
                            let xc = x + (b * C + c) * H * W
                            var src = col + r * BL + b * L
                            for oh in 0..<OH {
                                let ih = oh * s - p + ki
                                if ih >= 0 && ih < H {
                                    let dst = xc + ih * W
                                    var iw = owLo * s - p + kj
                                    for ow in owLo..<owHi {
                                        dst[iw] += src[ow]
                                        iw += s
                                    }
                                }
                                src += OW
                            }
                        }
                    }
                }
            }
        }
    }

    /// Swaps the first two dimensions: `src (A, B, L) -> dst (B, A, L)`; when `add` is
    /// set, `dst` is accumulated into.
    public static func swapLeading(
        _ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, a: Int, b: Int, l: Int
    ) {
        Parallel.forEach(b, costPerItem: a * l) { range in
            for j in range {
                for i in 0..<a {
                    (dst + (j * a + i) * l).update(from: src + (i * b + j) * l, count: l)
                }
            }
        }
    }

    /// `src (A, B, L)` as `(B, A, L)`: `src` itself when `A` or `B` is 1 (the swap is
    /// then the identity), else `dst` after `swapLeading`.
    public static func swappedLeading(
        _ src: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>, a: Int, b: Int, l: Int
    ) -> UnsafePointer<Float> {
        if a == 1 || b == 1 { return src }
        swapLeading(src, dst, a: a, b: b, l: l)
        return UnsafePointer(dst)
    }
}

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
        let xEnd = x + g.batch * C * H * W
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
                            } else if s == 2 {
                                gatherEven(src + (owLo * 2 - p + kj), into: dst + owLo, count: owHi - owLo,
                                           readableEnd: xEnd)
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
                                    if s == 2 {
                                        scatterAddEven(src + owLo, into: dst + iw, count: owHi - owLo,
                                                       writableEnd: xc + H * W)
                                    } else {
                                        for ow in owLo..<owHi {
                                            dst[iw] += src[ow]
                                            iw += s
                                        }
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

    /// `dst[j] = src[2 * j]` for `j < count`: a stride-2 row of the column matrix.
    ///
    /// Eight outputs at a time take the even lanes of sixteen loaded inputs; the odd lanes
    /// are discarded, so a load may run one float past the row but never past
    /// `readableEnd` (the end of the image), and the tail is copied one float at a time.
    @inline(__always)
    static func gatherEven(
        _ src: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>, count: Int, readableEnd: UnsafePointer<Float>
    ) {
        var j = 0
        while j + 8 <= count && src + 2 * j + 16 <= readableEnd {
            let v = UnsafeRawPointer(src + 2 * j).loadUnaligned(as: SIMD16<Float>.self)
            UnsafeMutableRawPointer(dst + j).storeBytes(of: v.evenHalf, as: SIMD8<Float>.self)
            j += 8
        }
        while j < count {
            dst[j] = src[2 * j]
            j += 1
        }
    }

    /// `dst[2 * j] += src[j]` for `j < count`: col2im of a stride-2 row.
    ///
    /// Eight inputs at a time are added to the even lanes of sixteen loaded outputs, which
    /// are stored back whole: the odd lanes are rewritten unchanged, so the window must stay
    /// within `writableEnd` (the end of the image plane, which only the calling thread
    /// writes); the tail is added one float at a time.
    @inline(__always)
    static func scatterAddEven(
        _ src: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>, count: Int,
        writableEnd: UnsafeMutablePointer<Float>
    ) {
        var j = 0
        while j + 8 <= count && dst + 2 * j + 16 <= writableEnd {
            var d = UnsafeRawPointer(dst + 2 * j).loadUnaligned(as: SIMD16<Float>.self)
            d.evenHalf += UnsafeRawPointer(src + j).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(dst + 2 * j).storeBytes(of: d, as: SIMD16<Float>.self)
            j += 8
        }
        while j < count {
            dst[2 * j] += src[j]
            j += 1
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

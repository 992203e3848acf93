/// The row loops of batch normalisation, eight lanes at a time: its sums, its normalisation and its input gradient.
///
/// A sum carried in one float is a chain of dependent additions that the compiler may not
/// reorder, so it runs one element per addition latency; eight partial sums (one SIMD
/// register) run eight elements per latency. The lanes are added together at the end and
/// the tail one float at a time: a different order of additions than one running sum,
/// with the same or smaller rounding error.
enum BatchNormRows {
    /// `sum(row[i])` over `count` floats.
    @inline(__always)
    static func sum(_ row: UnsafePointer<Float>, count: Int) -> Float {
        var acc = SIMD8<Float>(repeating: 0)
        var i = 0
        while i + 8 <= count {
            acc += UnsafeRawPointer(row + i).loadUnaligned(as: SIMD8<Float>.self)
            i += 8
        }
        var s = acc.sum()
        while i < count {
            s += row[i]
            i += 1
        }
        return s
    }

    /// `sum((row[i] - mean)^2)` over `count` floats.
    @inline(__always)
    static func squaredDeviations(_ row: UnsafePointer<Float>, count: Int, from mean: Float) -> Float {
        var acc = SIMD8<Float>(repeating: 0)
        let m = SIMD8<Float>(repeating: mean)
        var i = 0
        while i + 8 <= count {
            let d = UnsafeRawPointer(row + i).loadUnaligned(as: SIMD8<Float>.self) - m
            acc += d * d
            i += 8
        }
        var s = acc.sum()
        while i < count {
            let d = row[i] - mean
            s += d * d
            i += 1
        }
        return s
    }

    /// `(sum(dy[i]), sum(dy[i] * xhat[i]))` over `count` floats, with `xhat[i] = (x[i] - mean) * invStd`
    /// computed as batch norm's forward computes it.
    @inline(__always)
    static func gradientSums(
        dy: UnsafePointer<Float>, x: UnsafePointer<Float>, count: Int, mean: Float, invStd: Float
    ) -> (Float, Float) {
        var a1 = SIMD8<Float>(repeating: 0), a2 = SIMD8<Float>(repeating: 0)
        let m = SIMD8<Float>(repeating: mean), k = SIMD8<Float>(repeating: invStd)
        var i = 0
        while i + 8 <= count {
            let d = UnsafeRawPointer(dy + i).loadUnaligned(as: SIMD8<Float>.self)
            let h = (UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self) - m) * k
            a1 += d
            a2 += d * h
            i += 8
        }
        var s1 = a1.sum(), s2 = a2.sum()
        while i < count {
            s1 += dy[i]
            s2 += dy[i] * ((x[i] - mean) * invStd)
            i += 1
        }
        return (s1, s2)
    }

    /// `y[i] = scale * ((x[i] - mean) * invStd) + shift` over `count` floats, eight at a time (the
    /// same operations in the same order per element as the scalar tail).
    @inline(__always)
    static func normalize(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int, mean: Float,
                          invStd: Float, scale: Float, shift: Float) {
        let m = SIMD8<Float>(repeating: mean), k = SIMD8<Float>(repeating: invStd)
        let g = SIMD8<Float>(repeating: scale), b = SIMD8<Float>(repeating: shift)
        var i = 0
        while i + 8 <= count {
            let h = (UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self) - m) * k
            UnsafeMutableRawPointer(y + i).storeBytes(of: g * h + b, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            y[i] = scale * ((x[i] - mean) * invStd) + shift
            i += 1
        }
    }

    /// Batch norm's input gradient `dx[i] = k * (n * dy[i] - sumDy - xhat[i] * sumDyXhat)` with
    /// `xhat[i] = (x[i] - mean) * invStd`, over `count` floats, eight at a time.
    @inline(__always)
    static func inputGradient(dy: UnsafePointer<Float>, x: UnsafePointer<Float>, into dx: UnsafeMutablePointer<Float>,
                              count: Int, mean: Float, invStd: Float, k: Float, n: Float, sumDy: Float,
                              sumDyXhat: Float) {
        let m = SIMD8<Float>(repeating: mean), s = SIMD8<Float>(repeating: invStd), kk = SIMD8<Float>(repeating: k)
        let nn = SIMD8<Float>(repeating: n), a = SIMD8<Float>(repeating: sumDy), c = SIMD8<Float>(repeating: sumDyXhat)
        var i = 0
        while i + 8 <= count {
            let d = UnsafeRawPointer(dy + i).loadUnaligned(as: SIMD8<Float>.self)
            let h = (UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self) - m) * s
            UnsafeMutableRawPointer(dx + i).storeBytes(of: kk * (nn * d - a - h * c), as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            dx[i] = k * (n * dy[i] - sumDy - ((x[i] - mean) * invStd) * sumDyXhat)
            i += 1
        }
    }
}

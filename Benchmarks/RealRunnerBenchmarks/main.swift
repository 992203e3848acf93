// RealRunner benchmarks (never run as tests): the machine's OpenBLAS sgemm peak, the
// reference against which the trainer's GFLOP/s are read.
//
//     swift run -c release RealRunnerBenchmarks [threads...]
import CGSL
import Dispatch
import Foundation
import RealRunner

/// Best GFLOP/s of `C (n, n) = A (n, n) * B (n, n)` over `repeats` runs at `threads`.
func sgemmGFLOPs(n: Int, threads: Int, repeats: Int = 5) -> Double {
    Parallel.setThreads(threads)
    let a = Tensor(shape: [n, n]), b = Tensor(shape: [n, n]), c = Tensor(shape: [n, n])
    let rng = SeededRandom(seed: 1)
    rng.fillUniform(a, -1, 1)
    rng.fillUniform(b, -1, 1)
    var best = Double.infinity
    for _ in 0..<repeats {
        let t0 = DispatchTime.now().uptimeNanoseconds
        Gemm.sgemm(transA: false, transB: false, m: n, n: n, k: n, a.data, b.data, c.data)
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9)
    }
    return 2 * Double(n * n * n) / best / 1e9
}

let threadCounts = CommandLine.arguments.dropFirst().compactMap { Int($0) }
var rows: [[String: Any]] = []
for t in threadCounts.isEmpty ? [1, 2] : threadCounts {
    var peak = 0.0
    for n in [512, 1024, 2048] {
        let g = sgemmGFLOPs(n: n, threads: t)
        peak = max(peak, g)
        rows.append(["threads": t, "n": n, "gflops": (g * 10).rounded() / 10])
    }
    rows.append(["threads": t, "sgemmPeakGFLOPs": (peak * 10).rounded() / 10])
}
for r in rows {
    let data = try JSONSerialization.data(withJSONObject: r, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

/// Seconds per call of `body`, best of `repeats`.
func best(_ repeats: Int = 5, _ body: () -> Void) -> Double {
    var t = Double.infinity
    for _ in 0..<repeats {
        let t0 = DispatchTime.now().uptimeNanoseconds
        body()
        t = min(t, Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9)
    }
    return t
}

// The parts of DCGAN-64's heaviest convolution (D's 64 -> 128 channels, 32x32 -> 16x16,
// batch 128) per sample, lowered a chunk of n samples at a time: im2col, the forward sgemm,
// col2im, for the trainer's chunk (`chunkSamples`) and for smaller chunks whose column
// matrix fits a core's L2.
for t in threadCounts.isEmpty ? [1, 2] : threadCounts {
    Parallel.setThreads(t)
    let g = ConvGeometry(batch: 128, channels: 64, height: 32, width: 32, kernel: 4, stride: 2, padding: 1)
    let x = Tensor(shape: [128, 64, 32, 32])
    SeededRandom(seed: 2).fillUniform(x, -1, 1)
    for n in Set([g.chunkSamples(), 1, 2, 4]).sorted() {
        let gc = g.withBatch(n)
        let col = Tensor(shape: [gc.colRows * gc.colColumns])
        let w = Tensor(shape: [128 * gc.colRows]), y = Tensor(shape: [128 * gc.colColumns])
        let im2col = best { Im2Col.im2col(x.data, col.data, gc) }
        let col2im = best { Im2Col.col2im(col.data, x.data, gc) }
        let gemm = best { Gemm.sgemm(transA: false, transB: false, m: 128, n: gc.colColumns, k: gc.colRows, w.data, col.data, y.data) }
        // Both in turn, as the trainer runs them: the product reads the column matrix im2col just wrote.
        let both = best {
            Im2Col.im2col(x.data, col.data, gc)
            Gemm.sgemm(transA: false, transB: false, m: 128, n: gc.colColumns, k: gc.colRows, w.data, col.data, y.data)
        }
        let row: [String: Any] = ["threads": t, "chunkSamples": n, "trainerChunk": n == g.chunkSamples(),
                                  "im2colMsPerSample": im2col * 1e3 / Double(n), "col2imMsPerSample": col2im * 1e3 / Double(n),
                                  "gemmMsPerSample": gemm * 1e3 / Double(n), "im2colThenGemmMsPerSample": both * 1e3 / Double(n)]
        print(String(decoding: try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys]), as: UTF8.self))
    }
}

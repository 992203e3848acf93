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

import Workload

/// How a GPU runs the output tiles of a matrix product on its streaming multiprocessors: wave quantization.
///
/// A kernel of a matrix-lowered op (`GemmShape` m x n x k) computes its m x n output in
/// `ceil(m / tileRows) * ceil(n / tileColumns)` tiles, one thread block (CTA) each, and runs them in waves of
/// `multiprocessors` blocks (one resident block per SM, an assumption). The last wave is partly empty, so the useful
/// fraction of the device's compute is `tiles / (ceil(tiles / multiprocessors) * multiprocessors)` (Habitat, Yu et al.,
/// USENIX ATC 2021, "wave scaling"). Invariant: the fraction is in (0, 1], is 1 when the tiles fill whole waves, and
/// tends to 1 as the tile count grows, so large kernels keep their roofline price and only kernels of a few tiles (small
/// batches of fully connected layers, low-resolution convolutions) pay for the SMs they leave idle. The tile is the
/// output block the roofline assumes one CTA computes, not one measured per kernel: cuBLAS and cuDNN pick tiles per
/// problem, which no device profile knows.
public struct WaveModel: Sendable, Hashable, Codable {
    /// Streaming multiprocessors of the GPU (published per device).
    public var multiprocessors: Int
    /// Rows (of m) of the output tile one thread block computes.
    public var tileRows: Int
    /// Columns (of n) of the output tile one thread block computes.
    public var tileColumns: Int

    public init(multiprocessors: Int, tileRows: Int, tileColumns: Int) {
        self.multiprocessors = multiprocessors
        self.tileRows = tileRows
        self.tileColumns = tileColumns
    }

    /// The output tile of a product of shape `gemm`: the full tile, or its half or quarter (each side) where the larger
    /// one leaves the device with less than one wave of blocks; the quarter when even that does. An assumption standing
    /// for the kernel heuristics of cuBLAS and cuDNN, which pick smaller tiles (and split k) for small products.
    public func tile(_ gemm: GemmShape) -> (rows: Int, columns: Int) {
        for shift in 0..<2 {
            let tile = (rows: max(1, tileRows >> shift), columns: max(1, tileColumns >> shift))
            if Self.blocks(gemm, tile) >= multiprocessors { return tile }
        }
        return (max(1, tileRows >> 2), max(1, tileColumns >> 2))
    }

    /// Thread blocks (output tiles) of a product of shape `gemm` at its tile (`tile(_:)`):
    /// `ceil(m / rows) * ceil(n / columns)`, at least 1.
    public func tiles(_ gemm: GemmShape) -> Int { Self.blocks(gemm, tile(gemm)) }

    /// Blocks of `gemm` at `tile`, saturating at `Int.max` (a product that large is many waves: its fraction is 1).
    private static func blocks(_ gemm: GemmShape, _ tile: (rows: Int, columns: Int)) -> Int {
        func count(_ size: Int, _ side: Int) -> Int {
            guard side > 0, size > 0 else { return 1 }
            return size / side + (size % side == 0 ? 0 : 1)
        }
        let (product, overflow) = count(gemm.m, tile.rows).multipliedReportingOverflow(by: count(gemm.n, tile.columns))
        return overflow ? Int.max : product
    }

    /// Waves the tiles of `gemm` run in: `ceil(tiles / multiprocessors)`.
    public func waves(_ gemm: GemmShape) -> Int {
        guard multiprocessors > 0 else { return 1 }
        let tiles = tiles(gemm)
        return tiles / multiprocessors + (tiles % multiprocessors == 0 ? 0 : 1)
    }

    /// The useful fraction of the SM time a product of shape `gemm` occupies, in (0, 1]: its tiles over the slots of
    /// the waves it needs. 1 where the model is degenerate (no SMs or no tile), so a bad profile cannot divide by zero.
    public func usefulFraction(_ gemm: GemmShape) -> Double {
        guard multiprocessors > 0, tileRows > 0, tileColumns > 0 else { return 1 }
        return Double(tiles(gemm)) / (Double(waves(gemm)) * Double(multiprocessors))
    }
}

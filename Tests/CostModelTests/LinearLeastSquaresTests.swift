import CostModel
import TestSupport
import Testing

/// The non-negative weighted linear fit the sharing calibrations rest on.
@Suite struct LinearLeastSquaresTests {
    @Test func recoversExactCoefficientsAndWeighsTheRows() throws {
        // y = 2 a + 3 b exactly: any weights recover it.
        let rows = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]]
        let exact = rows.map { 2 * $0[0] + 3 * $0[1] }
        let x = try #require(LinearLeastSquares.nonNegative(rows: rows, targets: exact, weights: [1, 4, 9, 16]))
        #expect(isClose(x[0], 2, relative: 1e-12) && isClose(x[1], 3, relative: 1e-12))
        // One column through two inconsistent rows: the weighted mean of y / a, (1 * 1 + 3 * 3) / (1 + 3).
        let mean = try #require(LinearLeastSquares.nonNegative(rows: [[1], [1]], targets: [1, 3], weights: [1, 3]))
        #expect(isClose(mean[0], 2.5, relative: 1e-12))
    }

    @Test func negativeCoefficientsAndEmptyColumnsAreZero() throws {
        // y = 2 a - b: unconstrained the second would be -1; held at 0, the first fits y on a alone.
        let rows = [[1.0, 1.0], [2.0, 1.0], [3.0, 0.0]]
        let targets = rows.map { 2 * $0[0] - $0[1] }
        let x = try #require(LinearLeastSquares.nonNegative(rows: rows, targets: targets, weights: [1, 1, 1]))
        #expect(x[1] == 0)
        // sum(a y) / sum(a a) = (1 + 6 + 18) / 14.
        #expect(isClose(x[0], 25.0 / 14, relative: 1e-12))
        // A column zero in every row gets 0 and leaves the others' fit alone.
        let empty = try #require(LinearLeastSquares.nonNegative(rows: [[1, 0], [2, 0]], targets: [2, 4], weights: [1, 1]))
        #expect(empty == [2, 0] || (isClose(empty[0], 2, relative: 1e-12) && empty[1] == 0))
    }

    @Test func fewerRowsThanColumnsOrNoneFitNothing() {
        #expect(LinearLeastSquares.nonNegative(rows: [[1, 2]], targets: [1], weights: [1]) == nil)
        #expect(LinearLeastSquares.nonNegative(rows: [], targets: [], weights: []) == nil)
        #expect(LinearLeastSquares.nonNegative(rows: [[1, 2], [3]], targets: [1, 2], weights: [1, 1]) == nil)
    }
}

import CGSL

/// Weighted linear least squares with non-negative coefficients, on GSL's `gsl_multifit_wlinear`.
public enum LinearLeastSquares {
    /// The coefficients `x >= 0` that minimise `sum_i weights[i] * (targets[i] - sum_j rows[i][j] * x[j])^2`, or nil
    /// when there are no rows, fewer rows than columns to fit, or GSL fails.
    ///
    /// Solved on every column first; while a coefficient is negative, the most negative one is fixed at 0 and the rest
    /// solved again (an active set, which for the two or three physical quantities these fits hold ends at the
    /// constrained optimum in practice). A column that is zero in every row has nothing to fit and gets 0.
    public static func nonNegative(rows: [[Double]], targets: [Double], weights: [Double]) -> [Double]? {
        let columns = rows.first?.count ?? 0
        guard !rows.isEmpty, columns > 0, targets.count == rows.count, weights.count == rows.count,
              rows.allSatisfy({ $0.count == columns }) else { return nil }
        var active = (0..<columns).filter { j in rows.contains { $0[j] != 0 } }
        var solution = Array(repeating: 0.0, count: columns)
        while !active.isEmpty {
            guard let x = solve(rows: rows.map { row in active.map { row[$0] } }, targets: targets, weights: weights)
            else { return nil }
            guard let worst = x.indices.min(by: { x[$0] < x[$1] }), x[worst] < 0 else {
                for (k, j) in active.enumerated() { solution[j] = x[k] }
                return solution
            }
            active.remove(at: worst)
        }
        return solution
    }

    /// The unconstrained weighted least-squares solution, or nil with fewer rows than columns or when GSL fails.
    private static func solve(rows: [[Double]], targets: [Double], weights: [Double]) -> [Double]? {
        let n = rows.count, p = rows[0].count
        guard n >= p else { return nil }
        gansim_gsl_quiet()
        let x = gsl_matrix_alloc(n, p)!, y = gsl_vector_alloc(n)!, w = gsl_vector_alloc(n)!
        let c = gsl_vector_alloc(p)!, cov = gsl_matrix_alloc(p, p)!
        let work = gsl_multifit_linear_alloc(n, p)!
        defer {
            gsl_matrix_free(x); gsl_vector_free(y); gsl_vector_free(w); gsl_vector_free(c); gsl_matrix_free(cov)
            gsl_multifit_linear_free(work)
        }
        for i in 0..<n {
            for j in 0..<p { gsl_matrix_set(x, i, j, rows[i][j]) }
            gsl_vector_set(y, i, targets[i])
            gsl_vector_set(w, i, weights[i])
        }
        var chiSquared = 0.0
        guard gsl_multifit_wlinear(x, w, y, c, cov, &chiSquared, work) == Int32(GSL_SUCCESS) else { return nil }
        let solution = (0..<p).map { gsl_vector_get(c, $0) }
        return solution.allSatisfy(\.isFinite) ? solution : nil
    }
}

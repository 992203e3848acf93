import Workload
import CGSL

/// Nonlinear least squares with GSL's trust-region solver (`gsl_multifit_nlinear`,
/// Levenberg-Marquardt steps, finite-difference Jacobian).
public enum NonlinearLeastSquares {
    /// The solution of a fit.
    public struct Solution: Sendable {
        /// Best-fit parameters.
        public var parameters: [Double]
        /// Standard errors of the parameters (square roots of the covariance diagonal
        /// scaled by the residual variance, chi^2 / (n - p)).
        public var standardErrors: [Double]
        /// Sum of squared residuals at the solution.
        public var chiSquared: Double
        /// Residuals at the solution.
        public var residuals: [Double]
        /// Solver iterations.
        public var iterations: Int
        /// Whether the solver reported convergence.
        public var converged: Bool
    }

    /// Holds the residual function for the C callback.
    private final class Context {
        let residuals: ([Double]) -> [Double]
        init(_ r: @escaping ([Double]) -> [Double]) { residuals = r }
    }

    /// Minimises `sum(residuals(x)^2)` from `start`.
    ///
    /// - Parameters:
    ///   - start: initial parameters (p of them).
    ///   - observations: n, the length of the residual vector (n >= p).
    ///   - residuals: maps parameters to n residuals; must return finite values.
    public static func fit(start: [Double], observations n: Int, maxIterations: Int = 200,
                           residuals: @escaping ([Double]) -> [Double]) -> Solution {
        let p = start.count
        precondition(n >= p && p > 0, "need at least as many observations as parameters")
        gansim_gsl_quiet()
        let context = Context(residuals)
        var params = gsl_multifit_nlinear_default_parameters()
        let workspace = gsl_multifit_nlinear_alloc(gansim_nlinear_trust(), &params, n, p)!
        defer { gsl_multifit_nlinear_free(workspace) }
        var fdf = gsl_multifit_nlinear_fdf()
        fdf.f = { x, ctx, f in
            let c = Unmanaged<Context>.fromOpaque(ctx!).takeUnretainedValue()
            let xs = (0..<x!.pointee.size).map { gsl_vector_get(x, $0) }
            let r = c.residuals(xs)
            for (i, v) in r.enumerated() { gsl_vector_set(f, i, v.isFinite ? v : 1e30) }
            return Int32(GSL_SUCCESS)
        }
        fdf.df = nil
        fdf.fvv = nil
        fdf.n = n
        fdf.p = p
        fdf.params = Unmanaged.passUnretained(context).toOpaque()
        let x0 = gsl_vector_alloc(p)!
        defer { gsl_vector_free(x0) }
        for (i, v) in start.enumerated() { gsl_vector_set(x0, i, v) }
        var info: Int32 = 0
        var status = gsl_multifit_nlinear_init(x0, &fdf, workspace)
        if status == Int32(GSL_SUCCESS) {
            status = gsl_multifit_nlinear_driver(maxIterations, 1e-10, 1e-10, 1e-10, nil, nil, &info, workspace)
        }
        withExtendedLifetime(context) {}
        let x = gsl_multifit_nlinear_position(workspace)!
        let solution = (0..<p).map { gsl_vector_get(x, $0) }
        let f = gsl_multifit_nlinear_residual(workspace)!
        let r = (0..<n).map { gsl_vector_get(f, $0) }
        let chi2 = r.reduce(0) { $0 + $1 * $1 }
        let covar = gsl_matrix_alloc(p, p)!
        defer { gsl_matrix_free(covar) }
        let j = gsl_multifit_nlinear_jac(workspace)
        gsl_multifit_nlinear_covar(j, 0.0, covar)
        let scale = n > p ? chi2 / Double(n - p) : 0
        let errors = (0..<p).map { (max(0, gsl_matrix_get(covar, $0, $0)) * scale).squareRoot() }
        return Solution(parameters: solution, standardErrors: errors, chiSquared: chi2, residuals: r,
                        iterations: gsl_multifit_nlinear_niter(workspace), converged: status == Int32(GSL_SUCCESS))
    }
}

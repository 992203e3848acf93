import CGSL
import Testing

/// Proves the CGSL system library links GSL and OpenBLAS.
@Suite struct CGSLLinkTests {
    @Test func mt19937FirstDrawWithDefaultSeed() {
        // GSL manual (Random Number Generator Algorithms): "the first value returned by
        // gsl_rng_get with the default seed (4357) is 4293858116".
        let rng = gsl_rng_alloc(gansim_rng_mt19937())!
        defer { gsl_rng_free(rng) }
        gsl_rng_set(rng, 4357)
        #expect(gsl_rng_get(rng) == 4_293_858_116)
    }

    @Test func sgemmComputesAProduct() {
        // C (2x2) = A (2x3) * B (3x2), row major.
        let a: [Float] = [1, 2, 3, 4, 5, 6]
        let b: [Float] = [7, 8, 9, 10, 11, 12]
        var c = [Float](repeating: 0, count: 4)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, 2, 3, 1, a, 3, b, 2, 0, &c, 2)
        #expect(c == [58, 64, 139, 154])
    }

    @Test func sgemmResolvesToOpenBLAS() {
        // openblas_get_config exists only in OpenBLAS; GSL's reference CBLAS has no such symbol.
        let config = String(cString: openblas_get_config())
        #expect(config.contains("OpenBLAS"))
        // The loaded cblas_sgemm must live in libopenblas, not in libgslcblas (which libgsl
        // pulls in as a dependency).
        let library = String(cString: gansim_sgemm_library())
        #expect(library.contains("openblas"), "cblas_sgemm comes from \(library)")
    }
}

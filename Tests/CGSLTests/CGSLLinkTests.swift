import CGSL
import Foundation
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
        // pulls in as a dependency): find the mapping that holds its address.
        typealias Sgemm = @convention(c) (
            CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, Int32, Int32, Int32, Float,
            UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32
        ) -> Void
        let fn: Sgemm = cblas_sgemm
        let address = UInt(bitPattern: unsafeBitCast(fn, to: UnsafeRawPointer.self))
        // procfs files report size 0: read to end of file rather than by size.
        let maps = FileHandle(forReadingAtPath: "/proc/self/maps").map {
            String(decoding: $0.readDataToEndOfFile(), as: UTF8.self)
        } ?? ""
        let library = maps.split(separator: "\n").first { line in
            let range = line.split(separator: " ")[0].split(separator: "-").compactMap { UInt($0, radix: 16) }
            return range.count == 2 && range[0] <= address && address < range[1]
        }.map { String($0.split(separator: " ").last ?? "") } ?? "(not found)"
        #expect(library.contains("openblas"), "cblas_sgemm comes from \(library)")
    }
}

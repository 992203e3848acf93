/// The matrix product `(M x K) * (K x N)` an op lowers to, used for matrix-unit padding.
public struct GemmShape: Hashable, Sendable, Codable {
    public var m: Int
    public var n: Int
    public var k: Int

    public init(m: Int, n: Int, k: Int) {
        self.m = m
        self.n = n
        self.k = k
    }

    /// FLOPs of the product (a multiply-add counts 2).
    public var flops: Int { 2 * m * n * k }
}

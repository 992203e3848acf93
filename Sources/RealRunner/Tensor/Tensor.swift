/// A dense, row-major `Float` tensor that owns its storage.
///
/// Image activations are `(B, C, H, W)` and feature activations `(B, F)`, batch first,
/// as in PyTorch. The storage is a raw pointer so that kernels can hand it to
/// `cblas_sgemm` and to parallel loops without copy-on-write or exclusivity checks;
/// a tensor is therefore a reference type and is never shared between threads except
/// through the disjoint ranges of a `Parallel.forEach`.
public final class Tensor {
    /// The dimensions, outermost first.
    public private(set) var shape: [Int]
    /// Number of elements (the product of `shape`).
    public private(set) var count: Int
    /// Elements allocated (at least `count`): a tensor can be resized within them.
    public let capacity: Int
    /// The elements, `count` of them.
    public let data: UnsafeMutablePointer<Float>

    /// Creates a zero-filled tensor.
    public init(shape: [Int]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        self.shape = shape
        self.count = shape.reduce(1, *)
        self.capacity = max(count, 1)
        self.data = UnsafeMutablePointer<Float>.allocate(capacity: capacity)
        data.initialize(repeating: 0, count: capacity)
    }

    /// Creates a tensor holding `values` (row-major) with the given shape.
    public convenience init(shape: [Int], values: [Float]) {
        self.init(shape: shape)
        precondition(values.count == count, "\(values.count) values for shape \(shape)")
        values.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: count) }
    }

    deinit { data.deallocate() }

    /// The elements as an array (a copy).
    public var array: [Float] { Array(UnsafeBufferPointer(start: data, count: count)) }

    /// The element at a flat index.
    public subscript(i: Int) -> Float {
        get { data[i] }
        set { data[i] = newValue }
    }

    /// Gives the tensor a new shape with the same element count (a view change, no copy).
    public func reshape(_ newShape: [Int]) {
        precondition(newShape.reduce(1, *) == count, "cannot reshape \(shape) to \(newShape)")
        shape = newShape
    }

    /// Gives the tensor a new shape of at most `capacity` elements, keeping its storage;
    /// the elements' values are unspecified.
    public func resize(_ newShape: [Int]) {
        let n = newShape.reduce(1, *)
        precondition(n <= capacity, "cannot resize \(shape) (capacity \(capacity)) to \(newShape)")
        shape = newShape
        count = n
    }

    /// Sets every element to zero.
    public func zero() { data.update(repeating: 0, count: count) }

    /// Sets every element to `value`.
    public func fill(_ value: Float) { data.update(repeating: value, count: count) }

    /// Copies the elements of `other`, which must have the same count.
    public func copy(from other: Tensor) {
        precondition(other.count == count, "copy of \(other.shape) into \(shape)")
        data.update(from: other.data, count: count)
    }

    /// A deep copy.
    public func clone() -> Tensor {
        let t = Tensor(shape: shape)
        t.copy(from: self)
        return t
    }

    /// The batch size (first dimension).
    public var batch: Int { shape[0] }

    /// Elements per sample (all dimensions but the first).
    public var sampleCount: Int { shape.isEmpty ? 1 : count / max(shape[0], 1) }
}

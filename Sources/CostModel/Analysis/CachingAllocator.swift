/// PyTorch's CUDA caching allocator as far as the device memory it reserves for a set of live tensors.
///
/// The rules of c10/cuda/CUDACachingAllocator.cpp (the same from PyTorch 1.7 to 2.x): every request is rounded up
/// to a multiple of 512 B; a rounded request of at most 1 MiB is served from the small pool, whose segments are 2 MiB;
/// one above 1 MiB and below 10 MiB from the large pool, a new segment being 20 MiB; a larger one gets a segment of its
/// size rounded up to a multiple of 2 MiB. A request takes the smallest free block of its pool that holds it (best
/// fit) and splits it when the remainder is at least 512 B (small pool) or more than 1 MiB (large pool); otherwise the
/// remainder stays with the request. Segments are never returned (freed blocks stay reserved), so what
/// `torch.cuda.memory_reserved` reports is the sum of the segments. Invariant: `reservedBytes >= allocatedBytes >=`
/// the bytes requested, and both only grow. The allocator here never frees: it packs the tensors alive together at a
/// peak, which bounds the real reserve from below (the real one also keeps blocks freed by earlier phases that the
/// peak's tensors could not reuse).
public struct CachingAllocator: Sendable {
    /// Requests are rounded up to a multiple of this (`kMinBlockSize`, 512 B).
    public static let blockRounding = 512
    /// The largest rounded request the small pool serves (`kSmallSize`, 1 MiB).
    public static let smallRequestLimit = 1 << 20
    /// Segment size of the small pool (`kSmallBuffer`, 2 MiB).
    public static let smallSegmentBytes = 2 << 20
    /// Segment size for large-pool requests below `largeRequestMinimum` (`kLargeBuffer`, 20 MiB).
    public static let mediumSegmentBytes = 20 << 20
    /// From this size on a request gets a segment of its own size (`kMinLargeAlloc`, 10 MiB).
    public static let largeRequestMinimum = 10 << 20
    /// Segments of large requests are rounded up to a multiple of this (`kRoundLarge`, 2 MiB).
    public static let largeRounding = 2 << 20

    /// Free block sizes of the small pool, ascending.
    private var smallFree: [Int] = []
    /// Free block sizes of the large pool, ascending.
    private var largeFree: [Int] = []
    /// Bytes of all segments (`torch.cuda.memory_reserved`).
    public private(set) var reservedBytes = 0
    /// Bytes of the blocks handed out, rounding and unsplit remainders included (`torch.cuda.memory_allocated`).
    public private(set) var allocatedBytes = 0

    public init() {}

    /// The block size a request of `bytes` takes: a multiple of `blockRounding`, at least one (`round_size`).
    public static func roundedRequest(_ bytes: Int) -> Int {
        max(1, (bytes + blockRounding - 1) / blockRounding) * blockRounding
    }

    /// The segment the allocator reserves when no free block holds a rounded request of `size` (`get_allocation_size`).
    public static func segmentBytes(forRequest size: Int) -> Int {
        if size <= smallRequestLimit { return smallSegmentBytes }
        if size < largeRequestMinimum { return mediumSegmentBytes }
        return (size + largeRounding - 1) / largeRounding * largeRounding
    }

    /// Serves a request of `bytes` (nothing for 0 or less: PyTorch allocates no block for an empty tensor).
    public mutating func allocate(_ bytes: Int) {
        guard bytes > 0 else { return }
        let size = Self.roundedRequest(bytes)
        if size <= Self.smallRequestLimit {
            allocatedBytes += Self.serve(size, from: &smallFree, splitting: { $0 >= Self.blockRounding }, reserved: &reservedBytes)
        } else {
            allocatedBytes += Self.serve(size, from: &largeFree, splitting: { $0 > Self.smallRequestLimit }, reserved: &reservedBytes)
        }
    }

    /// The block a rounded request of `size` takes from `pool` (best fit, else a new segment added to `reserved`),
    /// its remainder going back to the pool where `splitting` allows.
    private static func serve(_ size: Int, from pool: inout [Int], splitting: (Int) -> Bool, reserved: inout Int) -> Int {
        let block: Int
        if let index = firstIndex(in: pool, atLeast: size) {
            block = pool.remove(at: index)
        } else {
            block = segmentBytes(forRequest: size)
            reserved += block
        }
        let remainder = block - size
        guard splitting(remainder) else { return block }
        pool.insert(remainder, at: firstIndex(in: pool, atLeast: remainder) ?? pool.count)
        return size
    }

    /// The reserve of the requests `bytes` served in order, none freed.
    public static func reservedBytes(_ bytes: [Int]) -> Int {
        var allocator = CachingAllocator()
        for request in bytes { allocator.allocate(request) }
        return allocator.reservedBytes
    }

    /// The index of the first element of ascending `pool` that is at least `size`, or nil.
    private static func firstIndex(in pool: [Int], atLeast size: Int) -> Int? {
        var lo = 0, hi = pool.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pool[mid] < size { lo = mid + 1 } else { hi = mid }
        }
        return lo < pool.count ? lo : nil
    }
}

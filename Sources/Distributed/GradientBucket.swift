import RealRunner

/// A contiguous range of a network's flat gradient buffer that is all-reduced as one
/// message, as soon as the backward pass has written all of it.
public struct GradientBucket: Sendable, Hashable {
    /// Elements of the flat gradient buffer.
    public var elements: Range<Int>
    /// The op whose backward completes the bucket (the lowest op id in it: backward runs
    /// in reverse op order).
    public var triggerOpID: Int

    /// Bytes of the bucket (fp32 gradients).
    public var bytes: Int { elements.count * MemoryLayout<Float>.size }

    /// Cuts a network's gradients into buckets in the order backward completes them, the
    /// way the simulator's `ScheduleBlockTable` does: ops in reverse order add their gradient
    /// bytes to the open bucket, which closes once it holds at least `bucketBytes`; the
    /// rest forms the last bucket.
    ///
    /// Parameters are laid out in op order (`ParameterView.offset`), so every bucket is
    /// one contiguous range ending where the previous bucket starts.
    public static func plan(views: [ParameterView], bucketBytes: Int) -> [GradientBucket] {
        var opRanges: [Int: Range<Int>] = [:]
        for v in views {
            let r = v.offset ..< v.offset + v.count
            opRanges[v.opID] = opRanges[v.opID].map { min($0.lowerBound, r.lowerBound) ..< max($0.upperBound, r.upperBound) } ?? r
        }
        var buckets: [GradientBucket] = []
        var open: (elements: Range<Int>, trigger: Int)?
        for opID in opRanges.keys.sorted(by: >) {
            let r = opRanges[opID]!
            if let o = open {
                open = (min(o.elements.lowerBound, r.lowerBound) ..< max(o.elements.upperBound, r.upperBound), opID)
            } else {
                open = (r, opID)
            }
            if let o = open, o.elements.count * MemoryLayout<Float>.size >= bucketBytes {
                buckets.append(GradientBucket(elements: o.elements, triggerOpID: o.trigger))
                open = nil
            }
        }
        if let o = open { buckets.append(GradientBucket(elements: o.elements, triggerOpID: o.trigger)) }
        return buckets
    }
}

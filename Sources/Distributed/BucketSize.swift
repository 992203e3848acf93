/// A gradient bucket's size as `gansim train --bucket-mb` takes it: megabytes of 10^6 bytes.
///
/// The one rule for that flag, read by the trainer's own flag parsing and by the run description's codec, so that a
/// run launched from a description trains with the bucket the prediction priced.
public enum BucketSize {
    /// The largest size, in MB (exclusive): MPI counts a bucket's fp32 elements in a 32-bit int, and a round bound
    /// below that count's limit (about 8590 MB) is easier to state.
    public static let limitMegabytes = 8000.0

    /// What a valid size is, for error messages.
    public static let rule = "a positive size in MB, below 8000"

    /// Bytes of a bucket of `megabytes` MB, to the nearest byte (so that a size written as `bytes / 1e6` reads back
    /// as `bytes`); nil unless positive, finite and below `limitMegabytes`.
    public static func bytes(megabytes: Double) -> Int? {
        guard megabytes > 0, megabytes.isFinite, megabytes < limitMegabytes else { return nil }
        return Int((megabytes * 1e6).rounded())
    }
}

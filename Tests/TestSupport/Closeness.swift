// Approximate equality for the tests, each form saying what its tolerance is a fraction of (or that it is absolute).
// All three hold at the tolerance itself (≤) and are false when either value is NaN.

/// Whether `actual` is within `relative` of `expected`, as a fraction of the expected value:
/// |actual − expected| ≤ relative · |expected|.
///
/// `relative: 0.05` reads "within 5 % of the expected value"; it is the check `abs(actual / expected - 1) ≤ 0.05`
/// written without the division.
public func isClose(_ actual: Double, _ expected: Double, relative: Double) -> Bool {
    abs(actual - expected) <= relative * abs(expected)
}

/// Whether `a` and `b` are within `relative` of each other as a fraction of the larger magnitude, plus a floor:
/// |a − b| ≤ relative · max(|a|, |b|) + absolute.
///
/// Symmetric in `a` and `b`: for two results that should agree when neither is the reference. The `absolute` floor
/// (zero unless given) lets two values that are both next to zero agree.
public func isClose(_ a: Double, _ b: Double, relativeToLarger relative: Double, absolute: Double = 0) -> Bool {
    abs(a - b) <= relative * max(abs(a), abs(b)) + absolute
}

/// Whether `actual` is within `absolute` of `expected`, in the values' own unit: |actual − expected| ≤ absolute.
public func isClose(_ actual: Double, _ expected: Double, absolute: Double) -> Bool {
    abs(actual - expected) <= absolute
}

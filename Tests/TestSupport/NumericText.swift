import Foundation

/// Whether two texts are the same but for their numbers, each pair within `relative` of the larger one's magnitude (and
/// `absolute`): the comparison of a golden table, page or JSON file whose numbers come from an iterative fit, whose last
/// digits differ between CPUs (the fits' BLAS and GSL kernels round differently on AVX2 and AVX-512), so that the sign
/// of a rounded zero or the last printed digit of an ill-conditioned fit's uncertainty does not fail the suite.
public func isCloseText(_ actual: String, _ expected: String, relative: Double, absolute: Double = 0) -> Bool {
    let (a, b) = (NumericText(actual), NumericText(expected))
    guard a.skeleton == b.skeleton, a.numbers.count == b.numbers.count else { return false }
    return zip(a.numbers, b.numbers).allSatisfy { isClose($0, $1, relativeToLarger: relative, absolute: absolute) }
}

/// A text split into its decimal numbers and what lies around them.
struct NumericText {
    /// The text with each number replaced by `#`.
    var skeleton = ""
    /// The numbers, in order.
    var numbers: [Double] = []

    /// A signed decimal with an optional fraction and exponent.
    private static let number = try! NSRegularExpression(pattern: "[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")

    init(_ text: String) {
        let whole = text as NSString
        var last = 0
        for match in Self.number.matches(in: text, range: NSRange(location: 0, length: whole.length)) {
            skeleton += whole.substring(with: NSRange(location: last, length: match.range.location - last)) + "#"
            numbers.append(Double(whole.substring(with: match.range)) ?? .nan)
            last = match.range.location + match.range.length
        }
        skeleton += whole.substring(from: last)
    }
}

import Workload
extension OpClass {
    /// The class whose parameters price a pass of this class: a transcendental's
    /// backward is elementwise arithmetic; every other pass is priced by its own class.
    public func pricing(forward: Bool) -> OpClass {
        self == .transcendental && !forward ? .elementwise : self
    }

    /// The broader class whose fitted parameters price this one when it was not fitted
    /// itself (nil for the base classes).
    public var fallback: OpClass? {
        switch self {
        case .transposedConvolution: .convolution
        case .transcendental, .resampling: .elementwise
        case .matmul, .convolution, .normalization, .elementwise, .attention, .update: nil
        }
    }
}

/// What `gansim validate --runs` reports: the per-run errors and the data-parallel scaling.
public struct PublishedRunReport: Sendable, Codable {
    public var report: ValidationReport
    public var scaling: [ScalingComparison]

    public init(report: ValidationReport, scaling: [ScalingComparison]) {
        self.report = report
        self.scaling = scaling
    }
}

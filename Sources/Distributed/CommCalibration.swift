import Foundation

/// The result of `gansim comm-bench`: the measured all-reduce times and the latency and
/// bandwidth fitted to them, per algorithm.
public struct CommCalibration: Codable, Sendable {
    /// Ranks the job had.
    public var ranks: Int
    /// Host names the ranks ran on, by rank.
    public var hosts: [String]
    /// Every measurement.
    public var samples: [CommSample]
    /// One line fitted to the ring's samples, for comparison.
    public var ring: LatencyBandwidthFit?
    /// The ring's samples fitted by message-size regimes: the transport the simulator's ring prices.
    public var ringRegimes: TransportRegimeFit?
    /// `MPI_Iallreduce`'s samples fitted by message-size regimes (priced as if it ran the ring's schedule).
    public var mpiRegimes: TransportRegimeFit?
    /// The fit to `MPI_Iallreduce`'s samples, for comparison.
    public var mpi: LatencyBandwidthFit?
    /// The ring's samples with the ranks' caches evicted before each all-reduce, fitted by regimes: the transport of a
    /// training whose state outgrows the cache (`blendedRegimes`); nil where not measured.
    public var evictedRingRegimes: TransportRegimeFit?
    /// The same for `MPI_Iallreduce`.
    public var evictedMpiRegimes: TransportRegimeFit?

    /// Fits each algorithm's samples, those with warm caches and those with evicted ones apart.
    ///
    /// - Throws: `MPIError.invalidOption` when an algorithm's samples cannot be fitted.
    public init(ranks: Int, hosts: [String], samples: [CommSample]) throws(MPIError) {
        self.ranks = ranks
        self.hosts = hosts
        self.samples = samples
        for algorithm in [AllReduceAlgorithm.ring, .mpi] {
            func points(evicted: Bool) -> [(bytes: Double, seconds: Double)] {
                samples.filter { $0.algorithm == algorithm.rawValue && $0.evicted == evicted }
                    .map { (bytes: Double($0.bytes), seconds: $0.seconds) }
            }
            let warm = points(evicted: false), evicted = points(evicted: true)
            if !warm.isEmpty {
                let (line, regimes) = try Self.fitting(algorithm, evicted: false, warm) { () throws(MPIError) in
                    (try LatencyBandwidthFit.fit(warm, ranks: ranks), try TransportRegimeFit.fit(warm, ranks: ranks))
                }
                if algorithm == .ring { (ring, ringRegimes) = (line, regimes) } else { (mpi, mpiRegimes) = (line, regimes) }
            }
            if !evicted.isEmpty {
                let regimes = try Self.fitting(algorithm, evicted: true, evicted) { () throws(MPIError) in
                    try TransportRegimeFit.fit(evicted, ranks: ranks)
                }
                if algorithm == .ring { evictedRingRegimes = regimes } else { evictedMpiRegimes = regimes }
            }
        }
    }

    /// `fit()`, whose refusal of the samples, if any, names the ones it was given: one sweep's times, all warm or all
    /// evicted.
    ///
    /// A sweep whose times do not grow with the message size cannot be fitted; on a busy machine a few slowed sizes
    /// make one, so the message shows the times and says so. Other errors pass as they are.
    private static func fitting<Fit>(_ algorithm: AllReduceAlgorithm, evicted: Bool,
                                     _ points: [(bytes: Double, seconds: Double)],
                                     _ fit: () throws(MPIError) -> Fit) throws(MPIError) -> Fit {
        do {
            return try fit()
        } catch .invalidOption("samples", let value, let expected) {
            let times = points.map { "\(Int($0.bytes)) B: \(String(format: "%.1f", $0.seconds * 1e6)) us" }
            throw .invalidOption(
                field: "\(algorithm.rawValue) all-reduce times" + (evicted ? " with caches evicted" : ""),
                value: times.joined(separator: ", "),
                expected: "\(expected) (the fit found \(value)); a busy machine slows some sizes more than others: "
                    + "rerun it idle, or with sizes further apart")
        }
    }

    /// The line fit of `algorithm`, if it was measured.
    public func fit(for algorithm: AllReduceAlgorithm) -> LatencyBandwidthFit? {
        algorithm == .ring ? ring : mpi
    }

    /// The regime fit of `algorithm`, if it was measured.
    public func regimes(for algorithm: AllReduceAlgorithm) -> TransportRegimeFit? {
        algorithm == .ring ? ringRegimes : mpiRegimes
    }

    /// The regime fit of `algorithm` with the caches evicted, if it was measured.
    public func evictedRegimes(for algorithm: AllReduceAlgorithm) -> TransportRegimeFit? {
        algorithm == .ring ? evictedRingRegimes : evictedMpiRegimes
    }

    /// Every regime fit measured, in the order ring, mpi, each warm and then with the caches evicted.
    public var regimeFits: [(algorithm: AllReduceAlgorithm, evicted: Bool, fit: TransportRegimeFit)] {
        [false, true].flatMap { evicted in
            [AllReduceAlgorithm.ring, .mpi].compactMap { algorithm in
                (evicted ? evictedRegimes(for: algorithm) : regimes(for: algorithm)).map { (algorithm, evicted, $0) }
            }
        }
    }

    /// The transport of `algorithm` for a training that leaves `evictedShare` of its state outside the cache between
    /// two reductions: the warm fit's times and the evicted fit's weighted by that share
    /// (`TransportRegimeFit.blended`); the warm fit where no evicted one was measured or nothing is evicted.
    public func blendedRegimes(for algorithm: AllReduceAlgorithm, evictedShare: Double) -> TransportRegimeFit? {
        guard let warm = regimes(for: algorithm) else { return nil }
        guard evictedShare > 0, let evicted = evictedRegimes(for: algorithm) else { return warm }
        return warm.blended(with: evicted, share: min(1, evictedShare))
    }

    /// Reads a calibration written by `gansim comm-bench --out`.
    ///
    /// - Throws: `MPIError.invalidOption` naming the file and what is wrong with it.
    public static func load(path: String) throws(MPIError) -> CommCalibration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidOption(field: "--comm", value: path, expected: "a readable file written by gansim comm-bench --out")
        }
        do {
            return try JSONDecoder().decode(CommCalibration.self, from: data)
        } catch {
            // The decoder's own text is not for users: say which field, if the decoder knows it.
            var field = ""
            switch error as? DecodingError {
            case .keyNotFound(let key, let context): field = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                field = context.codingPath.map(\.stringValue).joined(separator: ".")
            default: break
            }
            throw .invalidOption(field: "--comm", value: path, expected: field.isEmpty
                ? "the JSON gansim comm-bench --out writes; this file is not valid JSON of that shape"
                : "the JSON gansim comm-bench --out writes; its field '\(field)' is missing or wrong")
        }
    }
}

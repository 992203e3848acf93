import Foundation
import CostModel
import Distributed

/// What this machine's data-parallel runs are predicted from, all measured apart from the runs predicted: the MPI
/// transport at each rank count (`gansim comm-bench`) and how the CPU trainer shares the cores (`CoRunningCalibration`).
public struct DistributedMachine: Codable, Sendable {
    /// One transport calibration per rank count.
    public var transports: [CommCalibration]
    /// The trainer's ranks sharing the machine, one calibration per rank count and threads per rank.
    public var coRunning: [CoRunningCalibration]
    /// How many times as long as the profile prices it the machine took for work alone while it was measured: the
    /// geometric mean of the sharing runs' work alone without convolutions, measured over priced
    /// (`CoRunningCalibration.Run.profileError`; of every run where all have convolutions); nil where not measured (1).
    /// A machine's speed drifts between the profile's calibration and a later measurement (a virtual machine's host
    /// neighbours, clocks); that work is outside any plan, so the predictions made with this machine run on the profile
    /// rescaled by it (`measuredProfile`).
    public var profileSlowdown: Double?
    /// The same for oneDNN's convolutions: the geometric mean over the sharing runs with convolutions of what their
    /// convolutions took, measured over priced, their other work taken at `profileSlowdown`; nil where no run
    /// had any (they then take `profileSlowdown`). The profile's parameters are fitted on a set of
    /// configurations, and its error on convolutions of other shapes need not be its error on products.
    public var convolutionProfileSlowdown: Double?

    /// Creates the description.
    public init(transports: [CommCalibration], coRunning: [CoRunningCalibration]) {
        self.transports = transports
        self.coRunning = coRunning
    }

    /// The machine as measured: `transports`, `coRunning`, and the slowdowns of the sharing runs' work alone.
    public static func measured(transports: [CommCalibration], coRunning: [CoRunningCalibration]) -> DistributedMachine {
        var machine = DistributedMachine(transports: transports, coRunning: coRunning)
        func geometricMean(_ values: [Double]) -> Double? {
            values.isEmpty ? nil : exp(values.reduce(0) { $0 + log($1) } / Double(values.count))
        }
        let priced = coRunning.flatMap(\.runs).filter { ($0.predictedAloneStepSeconds ?? 0) > 0 && $0.profileError > 0 }
        let convolutional = priced.filter { ($0.predictedAloneConvolutionSeconds ?? 0) > 0 }
        let plain = priced.filter { ($0.predictedAloneConvolutionSeconds ?? 0) <= 0 }
        guard !plain.isEmpty, !convolutional.isEmpty, let slowdown = geometricMean(plain.map(\.profileError)) else {
            machine.profileSlowdown = geometricMean(priced.map(\.profileError))
            return machine
        }
        machine.profileSlowdown = slowdown
        machine.convolutionProfileSlowdown = geometricMean(convolutional.compactMap { run in
            guard let priced = run.predictedAloneStepSeconds, let convolutions = run.predictedAloneConvolutionSeconds
            else { return nil }
            let measured = (run.aloneStepSeconds - slowdown * (priced - convolutions)) / convolutions
            return measured > 0 ? measured : nil
        })
        return machine
    }

    /// `profile` at the machine's measured speed: slowed by `profileSlowdown`, its convolutions by
    /// `convolutionProfileSlowdown`.
    public func measuredProfile(_ profile: DeviceProfile) -> DeviceProfile {
        var measured = profile.slowed(by: profileSlowdown ?? 1)
        if let convolutions = convolutionProfileSlowdown {
            measured.convolutionTimeScale = (profile.convolutionTimeScale ?? 1) * convolutions / (profileSlowdown ?? 1)
        }
        return measured
    }

    /// The transport fit of `algorithm` over `ranks` ranks, for a training that leaves `evictedShare` of its state
    /// outside a rank's cache between two reductions (`CommCalibration.blendedRegimes`).
    ///
    /// - Throws: `MPIError.invalidOption` naming what was not measured.
    public func transport(ranks: Int, algorithm: AllReduceAlgorithm, evictedShare: Double = 0) throws(MPIError) -> TransportRegimeFit {
        guard let calibration = transports.first(where: { $0.ranks == ranks }) else {
            throw .invalidOption(field: "--comm", value: "ranks \(transports.map(\.ranks).sorted())",
                                 expected: "a comm-bench calibration measured with \(ranks) ranks")
        }
        guard let fit = calibration.blendedRegimes(for: algorithm, evictedShare: evictedShare) else {
            throw .invalidOption(field: "--comm", value: "\(ranks) ranks",
                                 expected: "samples of the \(algorithm.rawValue) all-reduce (comm-bench --algorithm both)")
        }
        return fit
    }

    /// How `ranks` ranks of `threads` threads each share the machine.
    ///
    /// - Throws: `MPIError.invalidOption` when that rank and thread count was not measured.
    public func sharing(ranks: Int, threads: Int) throws(MPIError) -> CoRunningCalibration {
        guard let c = coRunning.first(where: { $0.ranks == ranks && $0.threadsPerRank == threads }) else {
            let measured = coRunning.map { "np \($0.ranks) t\($0.threadsPerRank)" }.sorted().joined(separator: ", ")
            throw .invalidOption(field: "ranks", value: "np \(ranks) t\(threads)",
                                 expected: "ranks and threads per rank whose sharing of the machine was measured (\(measured))")
        }
        return c
    }
}

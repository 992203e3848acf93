import ArgumentParser
import CostModel
import Distributed
import Foundation
import ReportComposition
import Reports

/// `gansim comm-bench`: the all-reduce microbenchmark and the latency/bandwidth fit of
/// the MPI transport (run under mpirun).
struct CommBenchCommand: ParsableCommand, Preflighted {
    static let configuration = CommandConfiguration(
        commandName: "comm-bench",
        abstract: "Time all-reduces of 4 KB to 64 MB across MPI ranks and fit the transport's latency and bandwidth.",
        discussion: """
            Run under mpirun, e.g. mpirun -np 2 gansim comm-bench --out out/comm-calibration.json. \
            Fits t = 2(N-1) latency + 2(N-1)/N bytes / bandwidth to the ring's times per message-size regime \
            (eager, rendezvous, out of cache: up to three, each kept only where it explains more than the noise), and \
            one line to the ring's and MPI_Iallreduce's times for comparison; validate-distributed gives the ring's \
            regimes to the simulator.
            """)

    @Option(help: "Algorithms to time: ring, mpi or both.")
    var algorithm: String = "both"

    @Option(help: "Message sizes in bytes, comma-separated (default 4 KiB to 64 MiB in steps of 2x).")
    var sizes: String?

    @Option(name: .customLong("comm-timeout"), help: "Seconds to wait for the other ranks before ending the job with an error.")
    var commTimeout: Double = 120

    @Option(help: "Write the samples and fits as JSON to this file (rank 0).")
    var out: String?

    @Flag(help: "Machine-readable JSON output.")
    var json = false

    @Flag(help: "Instead of timing, check the ring against MPI_Iallreduce and the exact sum, and allGather (JSON on rank 0).")
    var verify = false

    /// The algorithms and message sizes the flags ask for, checked.
    func parsedOptions() throws -> (algorithms: [AllReduceAlgorithm], sizes: [Int]) {
        let algorithms: [AllReduceAlgorithm]
        switch algorithm {
        case "both": algorithms = [.ring, .mpi]
        default:
            guard let a = AllReduceAlgorithm(rawValue: algorithm) else {
                throw ValidationError("invalid --algorithm '\(algorithm)': expected ring, mpi or both")
            }
            algorithms = [a]
        }
        let sizeList = try sizes.map { text in
            try text.split(separator: ",").map { part -> Int in
                guard let n = Int(part.trimmingCharacters(in: .whitespaces)), n >= 4, n <= 1 << 30 else {
                    throw ValidationError("invalid --sizes entry '\(part)': expected a number of bytes from 4 to 1073741824 (1 GiB, the largest buffer comm-bench allocates)")
                }
                return n
            }
        } ?? CommBenchmark.defaultSizes
        guard Set(sizeList).count >= 2 else {
            throw ValidationError("invalid --sizes '\(sizes ?? "")': expected at least two different message sizes (a latency and a bandwidth are fitted to them)")
        }
        return (algorithms, sizeList)
    }

    /// The flag checks and the output path, before MPI starts.
    func preflight() throws {
        _ = try parsedOptions()
        guard commTimeout > 0 else { throw ValidationError("invalid --comm-timeout '\(commTimeout)': expected a positive number of seconds") }
        if let out { try OutputFile.prepare(out, flag: "--out") }
    }

    func run() throws {
        try preflight()
        let (algorithms, sizeList) = try parsedOptions()
        guard var world = MPIWorld.initializeIfLaunchedByMPI() else { throw MPIError.notLaunchedByMPI(command: "comm-bench") }
        world.timeoutSeconds = commTimeout
        guard world.size >= 2 else {
            world.finalize()
            throw ValidationError("comm-bench needs at least 2 ranks (mpirun -np 2 ...); this job has \(world.size)")
        }
        do {
            if verify {
                let checks = try CommVerification.run(world: world)
                if world.rank == 0 { print(try JSONOutput.string(checks)) }
                return world.finalize()
            }
            let hosts = try world.allGather(Array(ProcessInfo.processInfo.hostName.utf8)).map { String(decoding: $0, as: UTF8.self) }
            let bar = ProgressBar(enabled: world.rank == 0 && isatty(STDERR_FILENO) != 0)
            let cpu = LocalCPU.detect()
            let cores = try world.hostCores(ownCores: cpu.cores)
            world.sleepsWhileWaiting = world.threadsOutnumberCores(threadsEach: 1, cores: cores)
            let evicting = CommBenchmark.evictsCaches(world, cores: cores)
                ? CommBenchmark.evictionBytes(lastLevelCacheBytes: cpu.lastLevelCacheBytes) : 0
            let samples = try CommBenchmark.run(world: world, algorithms: algorithms, sizes: sizeList,
                                                evictingBytes: evicting) { i, n, label in
                bar.update(i, n, label)
            }
            bar.finish()
            let calibration = try CommCalibration(ranks: world.size, hosts: hosts, samples: samples)
            if world.rank == 0 {
                let text = try JSONOutput.string(calibration)
                if let out { try OutputFile.write(Data((text + "\n").utf8), to: out, flag: "--out") }
                print(json ? text : CommCalibrationTable(calibration).text)
            }
            world.finalize()
        } catch let error as MPIError {
            world.abort(error.description)
        } catch {
            world.abort("\(error)")
        }
    }
}

import CostModel
import Foundation
import GansimCLI
import RealRunner
import Simulator
import Validation
import Workload

/// Runs cases in-process against a scratch folder holding the fixture files command lines refer to.
///
/// One executor runs one case at a time (its scratch folder is its state); concurrent runs use one executor each.
///
/// Invariant: the executor only creates and removes paths inside `scratch`, a folder it created with a unique
/// name; after each case the scratch folder holds the fixtures again and nothing else.
public final class FuzzExecutor: @unchecked Sendable {
    /// The scratch folder (absolute path, no trailing slash).
    public let scratch: String
    private let fixtures: Set<String>
    private let ownsScratch: Bool

    /// Commands cheap enough to run in full for every case; the others run in full for one case in 20 and are
    /// otherwise parsed and checked up front (`GansimEntry.Depth.preflight`); training and MPI never run.
    static let cheap: Set<String> = ["models", "devices", "inspect", "export-graph", "collective"]
    static let sampled: Set<String> = ["simulate", "compare", "sweep", "plan", "validate", "calibrate"]
    /// Flags whose values are paths, and those of them that take several.
    static let pathFlags: Set<String> = ["--out", "--save-profile", "--profile", "--measurements", "--runs", "--dataset", "--comm", "--dump-parameters"]
    static let multiValueFlags: Set<String> = ["--measurements"]
    static let valuelessFlags: Set<String> = ["--json", "--calibrate", "--leave-one-out", "--distributed", "--verify", "--help", "--version"]

    /// Creates a scratch folder under `parent` (the system's temporary folder if nil) with the fixtures.
    public init(parent: String? = nil) throws {
        let base = parent ?? NSTemporaryDirectory()
        scratch = (base as NSString).appendingPathComponent("gansim-fuzz-\(getpid())-\(UUID().uuidString.prefix(8))")
        ownsScratch = true
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        var written: Set<String> = []
        for (name, data) in FuzzFixtures.files() {
            let path = (scratch as NSString).appendingPathComponent(name)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: path, contents: data) else { throw FuzzSetupError(path: path) }
            written.insert(String(name.split(separator: "/").first!))
        }
        try FileManager.default.createDirectory(atPath: scratch + "/ro", withIntermediateDirectories: true)
        chmod(scratch + "/ro", 0o555)
        written.insert("ro")
        fixtures = written
    }

    /// Removes the scratch folder (only the one this executor created).
    public func close() {
        guard ownsScratch, scratch.contains("/gansim-fuzz-") else { return }
        chmod(scratch + "/ro", 0o755)
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// Runs `fuzzCase` and says how it ended.
    public func run(_ fuzzCase: FuzzCase) -> FuzzOutcome {
        defer { tidy() }
        do {
            for (name, data) in fuzzCase.files {
                let path = (scratch as NSString).appendingPathComponent(name)
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                FileManager.default.createFile(atPath: path, contents: data)
            }
            try execute(fuzzCase)
            return .result
        } catch {
            let (message, status) = GansimEntry.report(error)
            if fuzzCase.entry == .flags && status == 0 { return .result }  // --help, --version
            if let problem = MessageCheck.problem(message, error: error) { return .unclear("\(problem): \(message)") }
            return .message(message)
        }
    }

    private func execute(_ fuzzCase: FuzzCase) throws {
        switch fuzzCase.entry {
        case .scenario: try runScenario(fuzzCase.text)
        case .flags: try runFlags(fuzzCase)
        case .opTimings:
            let samples = try MeasurementFile.parse(fuzzCase.text, file: "ops.jsonl")
            if samples.count <= 64 { _ = ProfileFitter(base: try DeviceCatalog.profile(named: "h100")).fit(samples) }
        case .measuredSteps:
            let steps = try MeasuredStepFile.parse(fuzzCase.text, file: "steps.jsonl")
            _ = try Validator.validate(profile: try DeviceCatalog.profile(named: "h100"), steps: steps)
        case .publishedRuns:
            let defaults = PublishedRunFile.Defaults(architecture: "stylegan2", preset: "auto", topology: "dgx1-v100", precision: "fp16")
            let runs = try PublishedRunFile.parse(fuzzCase.text, file: "runs.csv", defaults: defaults)
            _ = try PublishedRunValidator.validate(runs, profiles: DeviceProfiles(), measurement: "runs.csv")
        case .profile:
            let path = scratch + "/case-profile.json"
            FileManager.default.createFile(atPath: path, contents: Data(fuzzCase.text.utf8))
            let profile = try DeviceProfile.load(path: path)
            let recipe = TrainingRecipe.official(for: .dcgan, batchPerDevice: 8)
            _ = try Inspection(config: ModelConfig(architecture: .dcgan, resolution: 32), recipe: recipe, device: profile)
            _ = try TrainingScenario(yaml: FuzzFixtures.profileScenario(device: profile.name), defaultName: "profile",
                                     directory: scratch).estimate(cache: ScenarioCache())
        case .pngFolder:
            _ = try ImageSetDataset.pngFolder(scratch + "/pngs-case", resolution: fuzzCase.numbers[0], channels: fuzzCase.numbers[1])
        case .idx:
            _ = try ImageSetDataset.idx(scratch + "/data.idx", resolution: fuzzCase.numbers[0], channels: fuzzCase.numbers[1])
        }
    }

    /// Parses the scenario, estimates it in closed form and, if its event simulation is small, simulates two
    /// iterations (the stated limit, `SimulationWorkLimit`, is checked on the scenario as given).
    private func runScenario(_ text: String) throws {
        let scenario = try TrainingScenario(yaml: text, defaultName: "fuzz", directory: scratch)
        _ = try scenario.estimate(cache: ScenarioCache())
        try SimulationWorkLimit.check(scenario.plan)
        var small = scenario
        small.plan.iterations = min(scenario.plan.iterations, 2)
        // A growing run simulates every phase.
        guard SimulationWorkLimit.estimatedEvents(small.plan) * Double(small.phasePlans.count) <= 2_000_000 else { return }
        _ = try small.simulate()
    }

    private func runFlags(_ fuzzCase: FuzzCase) throws {
        var words = fuzzCase.text.isEmpty ? [] : fuzzCase.text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasPrefix("@/") ? scratch + "/" + $0.dropFirst(2) : String($0)
        }
        let command = words.first ?? ""
        // Every path a command line names stays inside scratch: relative values of path flags and path arguments
        // (boundary values such as `0` or `1GB` among them) are made relative to it.
        let positionalPaths = ["simulate", "compare", "sweep"].contains(command)
        var expecting: String?
        for i in words.indices.dropFirst() {
            let word = words[i]
            if word.hasPrefix("-") && word.count > 1 {
                expecting = Self.valuelessFlags.contains(word) ? nil : word
                continue
            }
            let isPath: Bool
            if let flag = expecting {
                isPath = Self.pathFlags.contains(flag) && !(flag == "--dataset" && ["ring", "shapes"].contains(word))
                if !Self.multiValueFlags.contains(flag) { expecting = nil }
            } else {
                isPath = positionalPaths
            }
            if isPath && !word.hasPrefix("/") { words[i] = scratch + "/" + word }
        }
        // A trainer without --out writes to out/ under the working directory: the fuzzer keeps it in scratch.
        if command == "train" && !words.contains("--out") { words += ["--out", scratch + "/out"] }
        var full = Self.cheap.contains(command)
        if Self.sampled.contains(command) && fuzzCase.index % 20 == 0 {
            switch command {
            case "calibrate": full = words.contains("--measurements") && !words.contains("--runs")
            case "validate":
                full = (words.contains("--measurements") || words.contains("--runs"))
                    && !words.contains("--calibrate") && !words.contains("--leave-one-out")
            default: full = true
            }
        }
        try GansimEntry.run(words, depth: full ? .run : .preflight)
    }

    /// Removes everything a case added to the scratch folder.
    private func tidy() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: scratch) else { return }
        for name in names where !fixtures.contains(name) {
            let path = (scratch as NSString).appendingPathComponent(name)
            chmod(path, 0o755)
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}

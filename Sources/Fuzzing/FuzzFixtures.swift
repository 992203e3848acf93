import Foundation

/// The files every case's scratch folder holds: valid inputs the command lines name, broken ones, and traps (a file
/// where a folder is expected).
enum FuzzFixtures {
    /// A valid scenario small enough to simulate in milliseconds.
    static let scenario = """
        name: fixture
        model:
          architecture: dcgan
          resolution: 32
        recipe:
          batchPerDevice: 16
        cluster:
          topology: ring
          devices: 2
          device: a100-80gb
          bandwidth: 50GB/s
          latency: 1us
        simulate:
          iterations: 2

        """

    /// A scenario on `device` (a fuzzed profile's name), for the profile entry point.
    static func profileScenario(device: String) -> String {
        """
        model:
          architecture: dcgan
          resolution: 32
        cluster:
          topology: switch
          devices: 2
          device: \(device)
          profile: case-profile.json
          bandwidth: 25GB/s
          latency: 1us
        simulate:
          iterations: 2

        """
    }

    /// Name and contents of each fixture file.
    static func files() -> [String: Data] {
        let data = { (text: String) in Data(text.utf8) }
        var files: [String: Data] = [
            "scenario.yaml": data(scenario),
            "bad.yaml": data("model: [dcgan\ncluster: {devices: 4\n"),
            "empty.yaml": Data(),
            "file": data("a file where a folder is expected\n"),
            "bad-profile.json": data("{\"name\": \"h100\", \"peakFLOPs\": \"fast\"}\n"),
            "ops.jsonl": data(MeasurementFuzzer.opLines.joined(separator: "\n") + "\n"),
            "steps.jsonl": data(MeasurementFuzzer.stepLines.joined(separator: "\n") + "\n"),
            "bad.jsonl": data("{\"type\": \"op\", \"kind\": \"conv2d\", \"flops\": -1}\n"),
            "runs.csv": data(MeasurementFuzzer.runCSV.joined(separator: "\n") + "\n"),
            "bad.csv": data("resolution,gpus\n128,x\n"),
            "pngs/a.png": DatasetFuzzer.smallPNG,
        ]
        if let profile = ProfileFuzzer.bases.first { files["profile.json"] = data(profile) }
        var idx: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 4]
        idx += (0..<32).map { UInt8($0 * 8) }
        files["data.idx"] = Data(idx)
        return files
    }
}

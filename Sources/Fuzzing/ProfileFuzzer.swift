import CostModel
import Foundation

/// Device profile JSON as `gansim calibrate` writes it, with values, keys and structure mutated.
public enum ProfileFuzzer {
    /// The JSON of a few catalog profiles, as the starting points.
    static let bases: [String] = ["h100", "v100-32gb", "cpu", "a100-80gb"].compactMap { name in
        guard let profile = try? DeviceCatalog.profile(named: name), let data = try? profile.jsonData() else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// One profile file's text.
    public static func generate(_ random: inout FuzzRandom) -> String {
        guard !bases.isEmpty else { return "{}" }
        var lines = random.pick(bases).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<(1 + random.below(3)) {
            let i = random.below(lines.count)
            guard let colon = lines[i].range(of: "\" : ") ?? lines[i].range(of: "\": ") else { continue }
            let comma = lines[i].hasSuffix(",") ? "," : ""
            switch random.below(6) {
            case 0...3:
                lines[i] = String(lines[i][..<colon.upperBound]) + random.pick(MeasurementFuzzer.jsonValues + ["-0.5", "2", "1e-300", "\"cpu\"", "\"gpu\""]) + comma
            case 4: lines.remove(at: i)
            default: lines[i] = String(lines[i].prefix(random.below(lines[i].count + 1)))
            }
        }
        if random.chance(0.05) { return random.pick(["", "[]", "null", "{", "{\"name\": \"x\"}"]) }
        return lines.joined(separator: "\n")
    }
}

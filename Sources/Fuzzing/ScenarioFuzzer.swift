import Simulator

/// Structure-aware scenario YAML: one of a few valid small scenarios, rendered section by section, with fields
/// mutated (boundary values, wrong types, removed, repeated, unknown) and, less often, the text itself damaged
/// (anchors and aliases, deep nesting, tabs, truncation, several documents).
public enum ScenarioFuzzer {
    /// A scenario as sections of `key: value` lines; top-level scalars live in the section named "".
    typealias Sections = [(name: String, fields: [(key: String, value: String)])]

    /// Valid scenarios the mutations start from: small enough to simulate in milliseconds.
    static let bases: [Sections] = [
        [("", [("name", "ring-dcgan"), ("seed", "3")]),
         ("model", [("architecture", "dcgan"), ("resolution", "64")]),
         ("recipe", [("batchPerDevice", "32"), ("precision", "fp16")]),
         ("cluster", [("topology", "ring"), ("devices", "4"), ("device", "a100-80gb"), ("bandwidth", "50GB/s"), ("latency", "2us")]),
         ("communication", [("algorithm", "ring"), ("bucket", "25MB"), ("chunks", "2")]),
         ("simulate", [("iterations", "2")])],
        [("model", [("architecture", "biggan"), ("resolution", "128")]),
         ("recipe", [("batchPerDevice", "16"), ("discriminatorSteps", "2"), ("ema", "true")]),
         ("cluster", [("topology", "dgx1-v100"), ("devices", "8")]),
         ("training", [("iterations", "1000")]),
         ("simulate", [("iterations", "2")])],
        [("model", [("architecture", "stylegan2"), ("resolution", "256"), ("preset", "auto")]),
         ("recipe", [("batchPerDevice", "8"), ("r1Interval", "16"), ("pathLengthInterval", "4"), ("mixedPrecisionResolutions", "4")]),
         ("cluster", [("topology", "dgx-a100"), ("devices", "16"), ("fabric", "hdr"), ("serversPerLeaf", "2"), ("oversubscription", "2")]),
         ("mode", [("kind", "asynchronous"), ("staleness", "2")]),
         ("training", [("kimg", "1000")]),
         ("simulate", [("iterations", "2")]),
         ("power", [("pue", "1.2"), ("communicatingActivity", "0.5")]),
         ("cost", [("pricing", "owned"), ("usdPerDeviceHour", "2.5")])],
        [("model", [("architecture", "mlp-gan")]),
         ("cluster", [("topology", "switch"), ("devices", "2"), ("device", "h100"), ("bandwidth", "25GB/s"), ("latency", "1us")]),
         ("mode", [("generatorDevices", "1")]),
         ("data", [("storageBandwidth", "1GB/s"), ("bytesPerSample", "110kB"), ("decodeRatePerCore", "400"), ("decodeCores", "8"), ("prefetch", "2")]),
         ("jitter", [("cv", "0.05"), ("stragglerProbability", "0.01"), ("stragglerSlowdown", "2"), ("deviceCv", "0.03")]),
         ("training", [("epochs", "2"), ("datasetSamples", "60000")]),
         ("simulate", [("iterations", "3")])],
        [("model", [("architecture", "resnet-gan"), ("resolution", "32"), ("width", "128"), ("latent", "128")]),
         ("cluster", [("topology", "tpu-v3"), ("devices", "32"), ("torus", "8x4")]),
         ("simulate", [("iterations", "2")])],
        [("model", [("architecture", "stylegan-v"), ("resolution", "128"), ("frames", "2")]),
         ("recipe", [("batchPerDevice", "2"), ("precision", "fp16")]),
         ("cluster", [("topology", "dgx1-v100"), ("devices", "4")]),
         ("training", [("kimg", "10")]),
         ("simulate", [("iterations", "2")])],
        [("model", [("architecture", "stylegan3"), ("resolution", "128"), ("preset", "r")]),
         ("recipe", [("batchPerDevice", "2")]),
         ("cluster", [("topology", "dgx-a100"), ("devices", "2")]),
         ("simulate", [("iterations", "2")])],
        [("model", [("architecture", "progan"), ("resolution", "128")]),
         ("recipe", [("hostLaunches", "graphs"), ("optimizer", "adam"), ("accumulation", "2")]),
         ("cluster", [("topology", "torus"), ("devices", "16"), ("device", "v100-32gb"), ("bandwidth", "100GB/s"), ("latency", "1us"), ("torus", "4x4")]),
         ("communication", [("algorithm", "torus")]),
         ("simulate", [("iterations", "2")])],
    ]

    /// Keys a section takes, for additions (every known field, so that a mutation reaches each one): the scenario
    /// parser's own list, with only the top level's scalar keys (its sections are added as sections).
    static let knownKeys: [String: [String]] = TrainingScenario.fields.merging(["": ["name", "seed"]]) { $1 }

    /// Plausible values for a key, mixed with the boundary values.
    static func plausible(_ key: String, _ random: inout FuzzRandom) -> String {
        switch key {
        case "architecture": random.pick(["dcgan", "biggan", "stylegan2", "mlp-gan", "resnet-gan", "progan", "stylegan3", "stylegan-v", "vqgan"])
        case "topology": random.pick(["ring", "fully-connected", "switch", "torus", "dgx1-v100", "dgx2-v100", "dgx-a100", "dgx-h100",
                                       "hgx-h200", "hgx-b200", "gb200-nvl72", "pcie8", "pcie8-gen4", "pcie8-gen5", "mi300x-8",
                                       "tpu-v2", "tpu-v3", "tpu-v4", "tpu-v5e", "tpu-v5p", "tpu-v6e"])
        case "device": random.pick(["a100-80gb", "h100", "v100-32gb", "cpu", "tpu-v3", "rtx9090", "b200", "gb200", "l4", "a10g",
                                    "mi300x", "tpu-v5e", "tpu-v5p"])
        case "fabric": random.pick(["edr", "hdr", "ndr", "xdr", "roce400", "roce800", "25gbe", "100gbe", "carrier-pigeon"])
        case "algorithm": random.pick(["auto", "ring", "tree", "hierarchical", "hierarchical-tree", "torus", "direct", "parameter-server"])
        case "precision": random.pick(["fp32", "fp16", "bf16", "tf32", "fp8", "fp4"])
        case "optimizer": random.pick(["adam", "sgd"])
        case "hostLaunches": random.pick(["eager", "graphs"])
        case "implementation": random.pick(["stylegan2-ada-pytorch", "stylegan3", "stylegan-v", "biggan-pytorch", "compiled", "gansim-cpu", "keras"])
        case "kind": random.pick(["synchronous", "asynchronous", "eventual"])
        case "pricing": random.pick(["cloud", "owned", "leased"])
        case "preset": random.pick(["auto", "config-f", "paper256", "t", "r", "none"])
        case "frames": random.pick(["0", "1", "2", "3", "16", "1025"])
        case "host": random.pick(["epyc-7742", "xeon-8168", "pentium"])
        case "profile": random.pick(["profile.json", "missing.json", "bad-profile.json", "/", "cpu-profile.json"])
        case "ema": random.pick(["true", "false", "maybe"])
        case "torus": random.pick(["4x4", "8x4", "2x2x2", "4x4x4", "0x4", "x", "65536x65536x65536x65536"])
        case "bandwidth", "storageBandwidth": random.pick(["50GB/s", "400Gb/s", "1B/s", "1e-300GB/s", "1e30GB/s"])
        case "latency": random.pick(["1us", "0s", "500ns", "1e30s"])
        case "bucket", "bytesPerSample": random.pick(["25MB", "0B", "1B", "1EB", "2EB", "1e-9B", "110kB"])
        default: FuzzValues.integer(&random)
        }
    }

    /// One scenario text.
    public static func generate(_ random: inout FuzzRandom) -> String {
        var sections = random.pick(bases)
        for _ in 0..<(1 + random.below(3)) { mutate(&sections, &random) }
        var text = render(sections)
        if random.chance(0.12) { text = damage(text, &random) }
        return text
    }

    static func render(_ sections: Sections) -> String {
        var lines: [String] = []
        for section in sections {
            if section.name.isEmpty {
                for field in section.fields { lines.append("\(field.key): \(field.value)") }
            } else {
                lines.append("\(section.name):")
                for field in section.fields { lines.append("  \(field.key): \(indent(field.value))") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Multi-line values (block scalars, complex keys) indented under their key.
    private static func indent(_ value: String) -> String {
        value.replacingOccurrences(of: "\n", with: "\n  ")
    }

    static func mutate(_ sections: inout Sections, _ random: inout FuzzRandom) {
        let s = random.below(sections.count)
        let name = sections[s].name
        let keys = knownKeys[name] ?? []
        switch random.below(10) {
        case 0...3:  // a known field (present or not) set to a boundary value
            let key = random.chance(0.5) && !sections[s].fields.isEmpty ? random.pick(sections[s].fields).key : random.pick(keys.isEmpty ? ["x"] : keys)
            set(&sections[s].fields, key, random.chance(0.7) ? FuzzValues.any(&random) : plausible(key, &random))
        case 4:  // a plausible value in another known field
            let key = random.pick(keys.isEmpty ? ["x"] : keys)
            set(&sections[s].fields, key, plausible(key, &random))
        case 5:  // a field removed
            if !sections[s].fields.isEmpty { sections[s].fields.remove(at: random.below(sections[s].fields.count)) }
        case 6:  // a field repeated, or an unknown one
            if random.chance(0.5), let field = sections[s].fields.first {
                sections[s].fields.append((field.key, plausible(field.key, &random)))
            } else {
                sections[s].fields.append((random.pick(["devcies", "Devices", "devices ", "é", "😀", "1", "''", "null"]), "1"))
            }
        case 7:  // a section removed, emptied or made a scalar
            if random.chance(0.4) {
                sections.remove(at: s)
            } else if random.chance(0.5) {
                sections[s].fields = []
            } else if !name.isEmpty {
                sections[s] = ("", [(name, FuzzValues.any(&random))])
            }
        case 8:  // a new section, known or not
            let section = random.pick(knownKeys.keys.sorted().filter { !$0.isEmpty } + ["extras", "Model"])
            let key = random.pick(knownKeys[section] ?? ["x"])
            sections.append((section, [(key, plausible(key, &random))]))
        default:  // anchors and aliases: one section's value reused in another field
            if !sections[s].fields.isEmpty {
                let f = random.below(sections[s].fields.count)
                sections[s].fields[f].value = "&v " + sections[s].fields[f].value
                let t = random.below(sections.count)
                let key = random.pick(knownKeys[sections[t].name] ?? ["x"])
                set(&sections[t].fields, key, random.chance(0.8) ? "*v" : "*missing")
            }
        }
    }

    private static func set(_ fields: inout [(key: String, value: String)], _ key: String, _ value: String) {
        if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].value = value } else { fields.append((key, value)) }
    }

    /// Text-level damage: what a hand edit or a broken script does.
    static func damage(_ text: String, _ random: inout FuzzRandom) -> String {
        var chars = Array(text)
        switch random.below(9) {
        case 0: return String(chars.prefix(random.below(chars.count + 1)))
        case 1:
            if !chars.isEmpty { chars[random.below(chars.count)] = random.pick([":", "\t", "-", "[", "{", "\"", "'", "#", "&", "*", "!", "%", "@", "`", "\u{0}", "é"]) }
            return String(chars)
        case 2: return text.replacingOccurrences(of: "  ", with: "\t")
        case 3: return text + "---\n" + text
        case 4: return "%YAML 1.1\n---\n" + text
        case 5:
            let depth = random.pick([50, 500, 5000])
            return text + "extras: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        case 6:
            // A "billion laughs" alias expansion.
            var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
            for level in 1..<12 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
            return text + lines.joined(separator: "\n") + "\n"
        case 7: return ""
        default: return "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: random.pick(["\r\n", "\r", "\n\n"]))
        }
    }
}

/// Command lines for every `gansim` command: the command's own flags with plausible and boundary values, plus
/// unknown flags, missing values and repeated flags. Paths start with `@/`, which the executor replaces with the
/// case's scratch folder (holding a valid scenario, profile and measurement files, and traps: a file where a folder
/// is expected, a folder where a file is).
public enum FlagFuzzer {
    /// A flag and the values it is given (boundary values are added to these).
    struct Flag {
        var name: String
        var values: [String]
    }

    /// A command: its words, positional arguments and flags.
    struct Command {
        var words: [String]
        var positionals: [[String]]
        var flags: [Flag]
    }

    static let architectures = ["dcgan", "biggan", "stylegan2", "mlp-gan", "resnet-gan", "progan", "stylegan3", "stylegan-v", "gpt"]
    static let outFolders = ["@/out", "@/new/deep/out", "@/file", "@/out/", "/proc/gansim-out", "@/ro/out", ""]
    static let outFiles = ["@/out/p.json", "@/new/deep/p.json", "@/file/p.json", "@/out", "/proc/gansim.json", "@/ro/p.json"]
    static let model = [
        Flag(name: "--resolution", values: ["32", "64", "128", "256", "1024", "8192", "8193"]),
        Flag(name: "--width", values: ["16", "64", "4096", "100000000", "1048576", "1048577"]),
        Flag(name: "--preset", values: ["auto", "config-f", "paper256", "t", "r", "x"]),
        Flag(name: "--latent", values: ["1", "128", "1048577"]),
        Flag(name: "--frames", values: ["0", "1", "2", "3", "16", "1024", "1025"]),
    ]
    static let recipe = [
        Flag(name: "--batch", values: ["1", "32", "16384", "16385", "1000000"]),
        Flag(name: "--precision", values: ["fp32", "fp16", "bf16", "tf32", "fp8", "fp4"]),
        Flag(name: "--ndisc", values: ["1", "2", "1024", "1025"]),
        Flag(name: "--accumulation", values: ["1", "4", "1025"]),
        Flag(name: "--ema", values: ["true", "false", "1"]),
        Flag(name: "--host-launches", values: ["eager", "graphs", "lazy"]),
        Flag(name: "--implementation", values: ["stylegan2-ada-pytorch", "stylegan3", "stylegan-v", "biggan-pytorch", "compiled", "gansim-cpu", "jax"]),
    ]
    static let profile = Flag(name: "--profile", values: ["@/profile.json", "@/bad-profile.json", "@/missing.json", "@/file", "@/"])
    static let runDefaults = [
        Flag(name: "--architecture", values: ["stylegan2", "biggan", "x"]),
        Flag(name: "--preset", values: ["auto", "x"]),
        Flag(name: "--topology", values: ["dgx1-v100", "ring", "x"]),
        Flag(name: "--precision", values: ["fp16", "fp32", "x"]),
    ]

    static let commands: [Command] = [
        Command(words: ["models"], positionals: [], flags: [Flag(name: "--json", values: [])]),
        Command(words: ["devices"], positionals: [], flags: [Flag(name: "--json", values: [])]),
        Command(words: ["inspect"], positionals: [architectures],
                flags: model + recipe + [Flag(name: "--device", values: ["a100-80gb", "h100", "cpu", "v100-32gb", "b200", "l4", "mi300x", "tpu-v5p", "x"]), profile,
                                         Flag(name: "--json", values: [])]),
        Command(words: ["export-graph"], positionals: [architectures],
                flags: model + [Flag(name: "--batch", values: ["1", "64", "16385"]), Flag(name: "--precision", values: ["fp32", "bf16", "x"])]),
        Command(words: ["collective"], positionals: [["allreduce", "reducescatter", "allgather", "broadcast"]],
                flags: [Flag(name: "--algorithm", values: ["ring", "tree", "hierarchical", "hierarchical-tree", "torus", "direct", "parameter-server"]),
                        Flag(name: "--devices", values: ["2", "8", "16", "64", "1000", "100000", "65536"]),
                        Flag(name: "--bytes", values: ["1MiB", "64MiB", "0B", "1EB", "2EB"]),
                        Flag(name: "--bandwidth", values: ["1GB/s", "50GB/s", "0GB/s"]),
                        Flag(name: "--latency", values: ["1us", "0s", "-1us"]),
                        Flag(name: "--chunks", values: ["1", "4", "1024", "1025"]),
                        Flag(name: "--topology", values: ["ring", "switch", "torus", "fully-connected", "dgx1-v100", "dgx-a100", "tpu-v3"]),
                        Flag(name: "--fabric", values: ["edr", "hdr", "x"]),
                        Flag(name: "--servers-per-leaf", values: ["1", "4", "9223372036854775807"]),
                        Flag(name: "--oversubscription", values: ["1", "4", "0.5", "nan", "inf"]),
                        Flag(name: "--torus", values: ["4x4", "2x2x2", "4x4x4x4x4x4x4x4x4", "x"]),
                        Flag(name: "--json", values: [])]),
        Command(words: ["simulate"], positionals: [["@/scenario.yaml", "@/bad.yaml", "@/missing.yaml", "@/", "@/empty.yaml"]],
                flags: [Flag(name: "--iterations", values: ["1", "2", "10001"]), Flag(name: "--seed", values: ["1", "0", "18446744073709551615"]),
                        Flag(name: "--out", values: outFolders), profile, Flag(name: "--json", values: [])]),
        Command(words: ["compare"], positionals: [["@/scenario.yaml", "@/bad.yaml"], ["@/scenario.yaml", "@/missing.yaml", "@/empty.yaml"]],
                flags: [Flag(name: "--iterations", values: ["1", "2", "10001"]), Flag(name: "--out", values: outFolders), profile,
                        Flag(name: "--json", values: [])]),
        Command(words: ["sweep"], positionals: [["@/scenario.yaml", "@/bad.yaml", "@/missing.yaml"]],
                flags: [Flag(name: "--vary", values: ["recipe.batchPerDevice=8,16", "cluster.devices=2,4", "cluster.devices=0,100000",
                                                      "model.width=1,100000000", "nope=1", "recipe.batchPerDevice=", "=", "x"]),
                        Flag(name: "--iterations", values: ["1", "2", "10001"]), Flag(name: "--threads", values: ["1", "2"]),
                        Flag(name: "--confirm", values: ["0", "1", "-1"]), Flag(name: "--out", values: outFolders), profile,
                        Flag(name: "--json", values: [])]),
        Command(words: ["plan"], positionals: [architectures],
                flags: model + [Flag(name: "--train", values: ["iterations=10", "kimg=1", "epochs=1", "epochs=1e300", "iterations=-1", "x"]),
                                Flag(name: "--global-batch", values: ["64", "256", "0", "100000000"]),
                                Flag(name: "--dataset-samples", values: ["1000", "0"]),
                                Flag(name: "--deadline", values: ["48h", "1s", "0s", "nan"]),
                                Flag(name: "--budget", values: ["$20k", "0usd", "1e300usd"]),
                                Flag(name: "--max-devices", values: ["8", "16", "100000000"]),
                                Flag(name: "--failures-per-device-hour", values: ["0", "1e-5", "100", "-1", "nan", "inf"]),
                                Flag(name: "--failures-per-server-hour", values: ["0", "1e-4", "1e300"]),
                                Flag(name: "--checkpoint-interval", values: ["optimal", "2h", "0s", "1ns", "soon"]),
                                Flag(name: "--threads", values: ["1", "2", "0"]), Flag(name: "--out", values: outFolders), profile,
                                Flag(name: "--json", values: [])]),
        Command(words: ["calibrate"], positionals: [],
                flags: [Flag(name: "--measurements", values: ["@/ops.jsonl", "@/bad.jsonl", "@/missing.jsonl", "@/"]),
                        Flag(name: "--device", values: ["h100", "cpu", "x"]),
                        Flag(name: "--runs", values: ["@/runs.csv", "@/bad.csv", "@/missing.csv"]),
                        Flag(name: "--implementation", values: ["stylegan2-ada-pytorch", "x"]),
                        Flag(name: "--rounds", values: ["1", "0", "-1"]), Flag(name: "--out", values: outFiles), Flag(name: "--json", values: [])]
                    + runDefaults),
        Command(words: ["validate"], positionals: [],
                flags: [profile, Flag(name: "--measurements", values: ["@/steps.jsonl", "@/bad.jsonl", "@/missing.jsonl"]),
                        Flag(name: "--device", values: ["h100", "cpu", "x"]),
                        Flag(name: "--runs", values: ["@/runs.csv", "@/bad.csv", "@/missing.csv"]),
                        Flag(name: "--calibrate", values: []), Flag(name: "--save-profile", values: outFiles),
                        Flag(name: "--rounds", values: ["1", "0", "9"]), Flag(name: "--out", values: outFolders), Flag(name: "--json", values: [])]
                    + runDefaults),
        Command(words: ["train"], positionals: [architectures],
                flags: model + [Flag(name: "--batch", values: ["1", "64", "0"]), Flag(name: "--steps", values: ["1", "0", "-1"]),
                                Flag(name: "--threads", values: ["1", "0"]), Flag(name: "--dataset", values: ["ring", "shapes", "@/pngs", "@/data.idx", "@/missing"]),
                                Flag(name: "--seed", values: ["1", "-1"]), Flag(name: "--ndisc", values: ["1", "0"]), Flag(name: "--loss", values: ["bce", "hinge", "x"]),
                                Flag(name: "--optimizer", values: ["adam", "sgd", "x"]), Flag(name: "--lr", values: ["0.001", "nan", "-1"]),
                                Flag(name: "--warmup", values: ["0", "1", "-1"]), Flag(name: "--out", values: outFolders),
                                Flag(name: "--distributed", values: []), Flag(name: "--bucket-mb", values: ["25", "0", "nan"])]),
        Command(words: ["comm-bench"], positionals: [],
                flags: [Flag(name: "--algorithm", values: ["ring", "mpi", "both", "x"]), Flag(name: "--sizes", values: ["4,1024", "3", "99999999999", "4096,4096"]),
                        Flag(name: "--comm-timeout", values: ["10", "0", "nan"]), Flag(name: "--out", values: outFiles)]),
        Command(words: ["validate-distributed"], positionals: [],
                flags: [profile, Flag(name: "--comm", values: ["@/missing.json"]), Flag(name: "--timeout", values: ["1", "0"]),
                        Flag(name: "--out", values: outFolders)]),
    ]

    /// The words of one command line (without `gansim`).
    public static func generate(_ random: inout FuzzRandom) -> [String] {
        let command = random.pick(commands)
        var words = command.words
        for choices in command.positionals where random.chance(0.95) {
            words.append(random.chance(0.85) ? random.pick(choices) : FuzzValues.any(&random))
        }
        let count = random.below(min(command.flags.count, 5) + 1)
        for _ in 0..<count {
            guard let flag = command.flags.isEmpty ? nil : random.pick(command.flags) else { break }
            words.append(flag.name)
            if flag.values.isEmpty { continue }
            if random.chance(0.05) { continue }  // a missing value
            words.append(random.chance(0.7) ? random.pick(flag.values) : FuzzValues.scalars[random.below(FuzzValues.scalars.count)])
        }
        if random.chance(0.05) { words.append(random.pick(["--nope", "-x", "--", "--json=3", "extra"])) }
        if random.chance(0.02) { words = [random.pick(["", "help", "--help", "--version", "nope"])] }
        return words
    }
}

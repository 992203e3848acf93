/// Measurement files as scripts and hand edits produce them: op timings (JSON lines or CSV), measured whole steps
/// (JSON lines) and published whole-run timings (CSV), each a valid file with records and fields mutated.
public enum MeasurementFuzzer {
    static let opLines = [
        #"{"type": "provenance", "model": "dcgan-64", "batch": 64, "device": "cuda", "precision": "fp32"}"#,
        #"{"type": "op", "network": "G", "op": "G.b4.convT", "kind": "conv_transpose2d", "pass": "forward", "batch": 64, "precision": "fp32", "flops": 104857600, "bytesRead": 3302400, "bytesWritten": 2097152, "medianSeconds": 7.66787499998145e-05}"#,
        #"{"type": "op", "network": "G", "op": "G.b4.convT", "kind": "conv_transpose2d", "pass": "backward", "batch": 64, "precision": "fp32", "flops": 209715200, "bytesRead": 7496704, "bytesWritten": 3302400, "medianSeconds": 0.0002789969499986001}"#,
        #"{"type": "op", "network": "G", "op": "G.b4.bn", "kind": "batch_norm", "pass": "forward", "batch": 64, "precision": "fp32", "flops": 3670016, "bytesRead": 4198400, "bytesWritten": 2097152, "medianSeconds": 7.099814999804721e-05}"#,
        #"{"type": "op", "kind": "relu", "flops": 1048576, "bytes": 8388608, "seconds": 2.1e-05, "threads": 1, "callsPerIteration": 2}"#,
        #"{"type": "op", "opClass": "matmul", "flops": 2147483648, "bytesRead": 12582912, "bytesWritten": 4194304, "medianSeconds": 0.00031, "precision": "bf16"}"#,
        #"{"type": "op", "kind": "conv2d", "flops": 419430400, "bytesRead": 9437184, "bytesWritten": 4194304, "medianSeconds": 0.0011, "columnBytes": 37748736, "columnSegments": 4096}"#,
        #"{"type": "step", "batch": 64, "stepSeconds": 0.0085, "device": "cuda", "precision": "fp32", "config": {"architecture": "dcgan", "resolution": 64}}"#,
    ]
    static let opCSV = [
        "kind,flops,bytesRead,bytesWritten,medianSeconds,precision,pass",
        "conv2d,419430400,9437184,4194304,0.0011,fp32,forward",
        "relu,1048576,4194304,4194304,0.000021,fp32,backward",
        "batch_norm,3670016,4198400,2097152,0.000071,fp16,forward",
        "linear,2147483648,12582912,4194304,0.00031,bf16,forward",
    ]
    static let stepLines = [
        #"{"type": "provenance", "model": "biggan-128", "batch": 64, "device": "cuda"}"#,
        #"{"type": "step", "batch": 64, "stepSeconds": 0.1586, "device": "cuda", "precision": "bf16", "config": {"architecture": "biggan", "resolution": 128, "width": 64}, "peakAllocatedBytes": 13078379008}"#,
        #"{"type": "step", "batch": 64, "stepSeconds": 0.0085, "precision": "fp32", "config": {"architecture": "dcgan", "resolution": 64}}"#,
        #"{"type": "step", "batch": 16, "stepSeconds": 0.21, "precision": "fp16", "config": {"architecture": "stylegan2", "resolution": 256, "preset": "auto"}}"#,
    ]
    static let runCSV = [
        "# published runs",
        "resolution,gpus,total_batch,batch_per_gpu,sec_per_kimg_lo,sec_per_kimg_hi,gpu_mem_gb",
        "128,1,32,32,12.8,13.7,7.2",
        "256,2,32,16,11.2,11.8,5.2",
        "512,4,32,8,18.7,19.1,7.9",
        "1024,8,32,4,20.2,20.6,8.3",
    ]

    /// JSON keys and values a mutation puts into a record.
    static let keys = ["type", "kind", "opClass", "flops", "bytesRead", "bytesWritten", "bytes", "medianSeconds", "seconds", "precision",
                       "threads", "columnBytes", "columnSegments", "executedFlops", "callsPerIteration", "pass", "batch", "stepSeconds", "config",
                       "peakAllocatedBytes", "architecture", "resolution", "width"]
    static let jsonValues = ["0", "-1", "1e308", "-1e308", "1e999", "NaN", "null", "true", "\"\"", "\"x\"", "\"conv2d\"", "[]", "{}",
                             "9223372036854775807", "9223372036854775808", "18446744073709551616", "0.0", "1e-320", "\"fp4\"",
                             #"{"architecture": "dcgan", "resolution": 100000000}"#, #"{"architecture": "x"}"#, #"{"width": -1}"#,
                             #"{"architecture": "biggan", "resolution": 128, "width": 100000000}"#, "\"backward\"", "\"sideways\""]

    /// An op-timing file: JSON lines or CSV.
    public static func opTimings(_ random: inout FuzzRandom) -> String {
        random.chance(0.7) ? jsonLines(opLines, &random) : csv(opCSV, &random)
    }

    /// A measured-step file (JSON lines).
    public static func measuredSteps(_ random: inout FuzzRandom) -> String { jsonLines(stepLines, &random) }

    /// A published-runs file (CSV), sometimes with the optional columns.
    public static func publishedRuns(_ random: inout FuzzRandom) -> String {
        var lines = runCSV
        if random.chance(0.3) {
            lines[1] += ",architecture,preset,topology,precision"
            for i in 2..<lines.count { lines[i] += random.pick([",stylegan2,auto,dgx1-v100,fp16", ",biggan,,dgx1-v100,fp32", ",x,y,z,w", ",stylegan2,auto,ring,fp16"]) }
        }
        return csv(lines, &random)
    }

    static func jsonLines(_ base: [String], _ random: inout FuzzRandom) -> String {
        var lines = (0..<(1 + random.below(6))).map { _ in random.pick(base) }
        for _ in 0..<(1 + random.below(3)) {
            let i = random.below(lines.count)
            switch random.below(8) {
            case 0...3:  // a field set to a boundary value (added if missing)
                let key = random.pick(keys)
                lines[i] = setJSON(lines[i], key: key, value: random.pick(jsonValues))
            case 4:  // a field removed
                let key = random.pick(keys)
                lines[i] = removeJSON(lines[i], key: key)
            case 5: lines[i] = String(lines[i].prefix(random.below(lines[i].count + 1)))
            case 6: lines.insert(random.pick(["", "#", "# comment", "{}", "[]", "null", "{\"type\": \"op\"}", "garbage", "\u{FEFF}{}", "{\"a\":1}{\"b\":2}"]), at: i)
            default: lines[i] = lines[i].replacingOccurrences(of: ":", with: random.pick(["=", ": :", ":"]), options: [], range: nil)
            }
        }
        if random.chance(0.05) { return "" }
        return lines.joined(separator: random.chance(0.9) ? "\n" : "\r\n") + (random.chance(0.8) ? "\n" : "")
    }

    static func csv(_ base: [String], _ random: inout FuzzRandom) -> String {
        var lines = base
        for _ in 0..<(1 + random.below(3)) {
            let i = random.below(lines.count)
            var cells = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            switch random.below(7) {
            case 0...2: if !cells.isEmpty { cells[random.below(cells.count)] = random.pick(FuzzValues.scalars) }
            case 3: if !cells.isEmpty { cells.remove(at: random.below(cells.count)) }
            case 4: cells.append(random.pick(["", "x", "1", "\"a,b\""]))
            case 5: lines.insert(random.pick(["", "#", ",,,,", "\"", "resolution,gpus"]), at: i)
            default: lines.remove(at: i); continue
            }
            lines[i] = cells.joined(separator: ",")
        }
        if random.chance(0.05) { return "" }
        return lines.joined(separator: "\n") + "\n"
    }

    static func setJSON(_ line: String, key: String, value: String) -> String {
        if let range = line.range(of: "\"\(key)\": ") {
            let rest = line[range.upperBound...]
            var depth = 0, inString = false, end = rest.endIndex
            for index in rest.indices {
                let c = rest[index]
                if c == "\"" { inString.toggle() }
                if inString { continue }
                if c == "{" || c == "[" { depth += 1 }
                if c == "}" || c == "]" { if depth == 0 { end = index; break }; depth -= 1 }
                if c == "," && depth == 0 { end = index; break }
            }
            return String(line[..<range.upperBound]) + value + String(rest[end...])
        }
        guard line.hasPrefix("{") && line.count > 2 else { return line }
        return "{\"\(key)\": \(value), " + line.dropFirst()
    }

    static func removeJSON(_ line: String, key: String) -> String {
        let replaced = setJSON(line, key: key, value: "REMOVED")
        return replaced.replacingOccurrences(of: "\"\(key)\": REMOVED, ", with: "").replacingOccurrences(of: ", \"\(key)\": REMOVED", with: "")
    }
}

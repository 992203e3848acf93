import CPUExecution
import Foundation

/// The CPU gansim runs on, as Linux describes it, and its fp32 peak.
///
/// Peak = cores x clock x fp32 lanes x 2 (a fused multiply-add is two FLOPs) x FMA pipes per core. Where each term
/// comes from (`detect()`, `parse(cpuinfo:meminfo:allowedCPUs:cpuQuota:)`):
/// * cores: the CPUs this process may run on (`Cpus_allowed_list` of /proc/self/status, the `sched_getaffinity` mask),
///   capped by a cgroup CPU quota (cgroup v2 `cpu.max`, or v1 `cpu.cfs_quota_us` / `cpu.cfs_period_us`, rounded up);
///   else the `processor` entries of /proc/cpuinfo; else Foundation's active processor count.
/// * clock: /proc/cpuinfo `cpu MHz`; else, on x86, BogoMIPS / 2 (the kernel's x86 BogoMIPS is twice the TSC clock; on
///   ARM it is the timer's, so it is not used there); else `assumedClockGHz`.
/// * lanes: the widest fp32 vector with FMA in /proc/cpuinfo `flags` (x86) or `Features` (ARM), `VectorUnit.lanes`.
/// * pipes: `fmaPipes(vendor:family:model:lanes:)`, a table by vendor and family, assumed 2 where not known.
/// * memory: /proc/meminfo `MemTotal`; else Foundation's physical memory.
public struct LocalCPU: Sendable, Hashable {
    /// The `model name` of /proc/cpuinfo (x86), or a name built from what is known.
    public var modelName: String
    /// Usable cores (see the type's summary).
    public var cores: Int
    /// Clock in GHz.
    public var clockGHz: Double
    /// fp32 lanes of the widest vector FMA.
    public var lanes: Int
    /// FMA pipes per core, each `lanes` wide.
    public var fmaPipes: Int
    /// Physical memory in bytes.
    public var memoryBytes: Int
    /// Where each number came from, for the profile's `source`.
    public var provenance: [String]
    /// Bytes of the last-level cache (the highest level of /sys/devices/system/cpu/cpu0/cache); nil where not read.
    public var lastLevelCacheBytes: Int?
    /// Bytes of the largest cache level below the last, a core's own on current CPUs (L2); nil where not read.
    public var innerCacheBytes: Int?

    /// fp32 FLOP/s at peak: cores x clock x lanes x 2 (FMA) x pipes.
    public var peakFLOPS: Double { Double(cores) * clockGHz * 1e9 * Double(lanes) * 2 * Double(fmaPipes) }

    /// Assumed clock where nothing gives one: 2 GHz, a round server base clock; not a measurement.
    public static let assumedClockGHz = 2.0
    /// Assumed FMA pipes per core where the vendor and family are not in `fmaPipes`' table.
    public static let assumedFMAPipes = 2

    /// Reads the machine: the Linux files named in the type's summary, with the documented fallbacks where one is
    /// missing (non-Linux systems fall back to Foundation's counts and the assumed clock, lanes and pipes).
    public static func detect() -> LocalCPU {
        func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }
        let allowed = allowedCPUs()?.count
        let quota = cgroupQuotaCores(cpuMax: read("/sys/fs/cgroup/cpu.max"),
                                     cfsQuota: read("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"),
                                     cfsPeriod: read("/sys/fs/cgroup/cpu/cpu.cfs_period_us"))
        var cpu = parse(cpuinfo: read("/proc/cpuinfo") ?? "", meminfo: read("/proc/meminfo") ?? "", allowedCPUs: allowed,
                        cpuQuota: quota)
        let caches = (0..<16).compactMap { index -> (level: Int, bytes: Int)? in
            let folder = "/sys/devices/system/cpu/cpu0/cache/index\(index)/"
            guard let level = read(folder + "level").flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }),
                  let bytes = read(folder + "size").flatMap(cacheBytes) else { return nil }
            return (level, bytes)
        }
        if let last = caches.max(by: { $0.level < $1.level }) {
            cpu.lastLevelCacheBytes = last.bytes
            cpu.provenance.append("L\(last.level) cache \(last.bytes >> 10) KiB (sysfs)")
            cpu.innerCacheBytes = caches.filter { $0.level < last.level }.map(\.bytes).max()
        }
        return cpu
    }

    /// Bytes of a sysfs cache `size` text such as `32768K` (K and M are binary units); nil if it is not one.
    public static func cacheBytes(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let unit = t.last.map { $0 == "K" ? 1 << 10 : $0 == "M" ? 1 << 20 : $0 == "G" ? 1 << 30 : 1 } ?? 1
        guard let value = Int(unit == 1 ? t : String(t.dropLast())), value > 0 else { return nil }
        return value * unit
    }

    /// The CPU described by the texts of /proc/cpuinfo and /proc/meminfo, the number of CPUs in the affinity mask
    /// (nil: unknown) and the cgroup quota in cores (nil: none); empty texts fall back as the type's summary says.
    public static func parse(cpuinfo: String, meminfo: String, allowedCPUs: Int? = nil, cpuQuota: Int? = nil) -> LocalCPU {
        var fields: [String: String] = [:]
        var processors = 0
        for line in cpuinfo.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if key == "processor" { processors += 1 }
            if fields[key] == nil { fields[key] = value }  // the first CPU's entry
        }
        var provenance: [String] = []

        // Cores.
        var cores: Int
        if let allowedCPUs, allowedCPUs > 0 {
            cores = allowedCPUs
            provenance.append("\(cores) cores (affinity mask)")
        } else if processors > 0 {
            cores = processors
            provenance.append("\(cores) cores (/proc/cpuinfo processors)")
        } else {
            cores = ProcessInfo.processInfo.activeProcessorCount
            provenance.append("\(cores) cores (active processor count)")
        }
        if let cpuQuota, cpuQuota > 0, cpuQuota < cores {
            cores = cpuQuota
            provenance[provenance.count - 1] = "\(cores) cores (cgroup CPU quota)"
        }

        // Features and vendor.
        let flags = Set((fields["flags"] ?? fields["features"] ?? "").split(separator: " ").map(String.init))
        let vendor = fields["vendor_id"] ?? ""
        let x86 = flags.contains("sse2") || !vendor.isEmpty

        // Clock.
        let clockGHz: Double
        if let mhz = fields["cpu mhz"].flatMap(Double.init), mhz > 0 {
            clockGHz = mhz / 1000
            provenance.append(String(format: "%.3f GHz (/proc/cpuinfo cpu MHz)", clockGHz))
        } else if x86, let bogo = fields["bogomips"].flatMap(Double.init), bogo > 0 {
            clockGHz = bogo / 2 / 1000
            provenance.append(String(format: "%.3f GHz (BogoMIPS / 2)", clockGHz))
        } else {
            clockGHz = assumedClockGHz
            provenance.append(String(format: "%.1f GHz (assumed)", clockGHz))
        }

        // Vector lanes.
        let (lanes, laneSource) = VectorUnit.lanes(flags: flags)
        let family = fields["cpu family"].flatMap { Int($0) }, model = fields["model"].flatMap { Int($0) }
        let (pipes, pipeSource) = fmaPipes(vendor: vendor, family: family, model: model, lanes: lanes, fma: flags.contains("fma"))
        provenance.append("\(lanes) fp32 lanes (\(laneSource)) x \(pipes) FMA pipe\(pipes == 1 ? "" : "s") (\(pipeSource))")

        // Memory.
        let memoryBytes: Int
        if let line = meminfo.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }),
           let kb = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) {
            memoryBytes = kb * 1024
            provenance.append("MemTotal (/proc/meminfo)")
        } else {
            memoryBytes = Int(ProcessInfo.processInfo.physicalMemory)
            provenance.append("physical memory (Foundation)")
        }

        let name = fields["model name"] ?? (fields["cpu implementer"] != nil ? "ARM CPU" : "CPU")
        return LocalCPU(modelName: name, cores: cores, clockGHz: clockGHz, lanes: lanes, fmaPipes: pipes,
                        memoryBytes: memoryBytes, provenance: provenance)
    }

    /// FMA pipes per core, each `lanes` wide, and why.
    /// * AMD family 23 (17h) models below 0x30, Zen and Zen+: two 128-bit FMA pipes, one at 8 lanes (AMD Software
    ///   Optimization Guide for family 17h).
    /// * AMD family 23 from model 0x30 (Zen 2) and family 25 (19h, Zen 3 and Zen 4): two 256-bit FMA pipes; Zen 4's
    ///   512-bit instructions take both halves, so at 16 lanes it is one pipe (AMD Software Optimization Guides for
    ///   families 17h and 19h).
    /// * AMD family 26 (1Ah, Zen 5): two 512-bit FMA pipes, assumed (the server and desktop parts; some mobile parts
    ///   run 512-bit instructions on 256-bit pipes).
    /// * Intel with AVX-512: two 512-bit FMA units, assumed (Skylake-SP Gold 6xxx, Platinum and later Xeons have two;
    ///   some Silver and Bronze parts one). Intel with AVX2 and FMA (Haswell on): two FMA units (Intel 64 and IA-32
    ///   Architectures Optimization Reference Manual). x86 without FMA: a multiply and an add pipe, one FMA's worth.
    /// * Anything else (ARM, unknown vendors): `assumedFMAPipes`.
    public static func fmaPipes(vendor: String, family: Int?, model: Int?, lanes: Int, fma: Bool) -> (Int, String) {
        if !vendor.isEmpty && !fma && lanes <= 8 { return (1, "x86 without FMA: multiply and add pipes") }
        switch (vendor, family) {
        case ("AuthenticAMD", 23?):
            return (model ?? 0) < 0x30 ? (1, "AMD family 23 below model 0x30: Zen/Zen+, 2x128-bit")
                : (2, "AMD family 23: Zen 2, 2x256-bit")
        case ("AuthenticAMD", 25?):
            return lanes == 16 ? (1, "AMD family 25 with AVX-512: Zen 4, 512-bit ops on the 2x256-bit pipes")
                : (2, "AMD family 25: Zen 3, 2x256-bit")
        case ("AuthenticAMD", 26?):
            return (2, "AMD family 26: Zen 5, 2x512-bit assumed")
        case ("GenuineIntel", _):
            return lanes == 16 ? (2, "Intel AVX-512: 2 units assumed") : (2, "Intel AVX2/FMA: 2 units")
        default:
            return (assumedFMAPipes, "assumed")
        }
    }

    /// The CPUs a Linux CPU list such as `0-3,8,10-11` names, ascending and each once, or nil if it does not parse.
    public static func cpus(list: String) -> [Int]? {
        var ids: Set<Int> = []
        for part in list.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",") {
            let bounds = part.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !bounds.isEmpty, bounds.allSatisfy({ $0 != nil }) else { return nil }
            let low = bounds[0]!, high = bounds.last!!
            guard low >= 0, high >= low, high - low < 1 << 20 else { return nil }
            ids.formUnion(low...high)
        }
        return ids.isEmpty ? nil : ids.sorted()
    }

    /// The CPUs this process may run on (`Cpus_allowed_list` of /proc/self/status, the `sched_getaffinity` mask), or
    /// nil where the file or the line is missing.
    public static func allowedCPUs() -> [Int]? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        return status.split(separator: "\n").first { $0.hasPrefix("Cpus_allowed_list:") }
            .flatMap { cpus(list: String($0.dropFirst("Cpus_allowed_list:".count))) }
    }

    /// The cores a cgroup CPU quota allows, rounded up: cgroup v2 `cpu.max` ("QUOTA PERIOD" or "max PERIOD"), else
    /// cgroup v1 `cpu.cfs_quota_us` over `cpu.cfs_period_us` (a quota of -1 is none); nil where there is no quota.
    public static func cgroupQuotaCores(cpuMax: String?, cfsQuota: String?, cfsPeriod: String?) -> Int? {
        func cores(_ quota: Double?, _ period: Double?) -> Int? {
            guard let quota, let period, quota > 0, period > 0 else { return nil }
            return Int((quota / period).rounded(.up))
        }
        if let cpuMax {
            let parts = cpuMax.split(whereSeparator: \.isWhitespace)
            if parts.count == 2 { return cores(Double(parts[0]), Double(parts[1])) }
        }
        return cores(cfsQuota.flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) },
                     cfsPeriod.flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
    }
}

import Foundation

/// The fp32 width of a CPU's widest vector unit with FMA, read from its feature flags: what `LocalCPU`'s peak counts
/// per FMA and what oneDNN blocks a convolution's channels by (`ConvolutionLayout`).
public enum VectorUnit {
    /// fp32 lanes, and the flag they come from, for a CPU whose /proc/cpuinfo `flags` (x86) or `Features` (ARM) are
    /// `flags`: avx512f 16, avx2 with fma 8, avx 8, sse2 4, asimd 4 (128-bit NEON; SVE's width is not in cpuinfo);
    /// else 4 (assumed).
    public static func lanes(flags: Set<String>) -> (lanes: Int, source: String) {
        if flags.contains("avx512f") { return (16, "avx512f") }
        if flags.contains("avx2") && flags.contains("fma") { return (8, "avx2+fma") }
        if flags.contains("avx") { return (8, "avx") }
        if flags.contains("sse2") { return (4, "sse2") }
        if flags.contains("asimd") { return (4, "asimd") }
        return (4, "assumed 128-bit")
    }

    /// The feature flags of the first CPU in `cpuinfo` (its `flags` or `Features` line).
    public static func flags(cpuinfo: String) -> Set<String> {
        for line in cpuinfo.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            if key == "flags" || key == "features" {
                return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
            }
        }
        return []
    }

    /// The lanes of the CPU this process runs on (4, assumed, where /proc/cpuinfo cannot be read).
    public static let hostLanes: Int =
        lanes(flags: flags(cpuinfo: (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "")).lanes
}

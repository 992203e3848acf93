import Foundation

/// Human-readable units for printing (SI inside the libraries, human units only here).
public enum Units {
    /// Bytes in binary units, e.g. `1.50 GiB`.
    public static func bytes(_ b: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var v = Double(b), i = 0
        while abs(v) >= 1024 && i < units.count - 1 { v /= 1024; i += 1 }
        return i == 0 ? "\(b) B" : String(format: "%.2f %@", v, units[i])
    }

    /// A count with a metric suffix, e.g. `70.43 M`.
    public static func count(_ x: Double, unit: String = "") -> String {
        let units = ["", "K", "M", "G", "T", "P", "E"]
        var v = x, i = 0
        while abs(v) >= 1000 && i < units.count - 1 { v /= 1000; i += 1 }
        return String(format: i == 0 ? "%.0f %@%@" : "%.2f %@%@", v, units[i], unit).trimmingCharacters(in: .whitespaces)
    }

    /// Seconds scaled to ms or us when small.
    public static func seconds(_ s: Double) -> String {
        if s >= 86400 { return String(format: "%.2f days", s / 86400) }
        if s >= 3600 { return String(format: "%.2f h", s / 3600) }
        if s >= 1 { return String(format: "%.3f s", s) }
        if s >= 1e-3 { return String(format: "%.3f ms", s * 1e3) }
        return String(format: "%.2f us", s * 1e6)
    }

    /// An integer with thousands separators, e.g. `70,433,988`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + String(out.reversed())
    }
}

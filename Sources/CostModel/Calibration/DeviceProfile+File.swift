import Workload
import Foundation
import SafeFiles

extension DeviceProfile {
    /// Reads a profile written by `gansim calibrate` (or by hand) from JSON; errors name the file and the field.
    public static func load(path: String) throws(CalibrationError) -> DeviceProfile {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .badProfile(file: path, reason: "no such file; check the path")
        }
        guard !isFolder.boolValue else { throw .badProfile(file: path, reason: "is a folder; give the profile's JSON file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .badProfile(file: path, reason: "cannot be read; check its permissions")
        }
        return try decode(data, file: path)
    }

    /// Decodes and checks profile JSON; `file` names it in errors.
    public static func decode(_ data: Data, file: String) throws(CalibrationError) -> DeviceProfile {
        let profile: DeviceProfile
        do {
            profile = try JSONDecoder().decode(DeviceProfile.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let at = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw .badProfile(file: file, reason: "missing field '\(at)'")
        } catch let DecodingError.typeMismatch(type, context) {
            throw .badProfile(file: file, reason: "field '\(Self.path(context))' is not \(Self.kind(type))")
        } catch let DecodingError.valueNotFound(type, context) {
            throw .badProfile(file: file, reason: "field '\(Self.path(context))' is null; give \(Self.kind(type))")
        } catch let DecodingError.dataCorrupted(context) {
            let at = Self.path(context)
            throw .badProfile(file: file, reason: at.isEmpty
                ? "not valid JSON; check the text (a profile is what `gansim calibrate --out` writes)"
                : "field '\(at)' has a value that is not allowed")
        } catch {
            throw .badProfile(file: file, reason: "not valid JSON; check the text")
        }
        try profile.checkValues(file: file)
        return profile
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map(\.stringValue).joined(separator: ".")
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "the expected kind of value (see a file written by `gansim calibrate --out`)"
        }
    }

    /// Checks that the numbers pricing divides by or multiplies with are finite and in range.
    func checkValues(file: String) throws(CalibrationError) {
        func positive(_ field: String, _ value: Double) throws(CalibrationError) {
            guard value.isFinite, value > 0 else { throw .badProfile(file: file, reason: "field '\(field)' = \(value): must be a positive finite number") }
        }
        func nonNegative(_ field: String, _ value: Double) throws(CalibrationError) {
            guard value.isFinite, value >= 0 else { throw .badProfile(file: file, reason: "field '\(field)' = \(value): must be a finite number, zero or more") }
        }
        guard !matrixPeakFLOPS.isEmpty else { throw .badProfile(file: file, reason: "field 'matrixPeakFLOPS' is empty; give a peak for at least one precision") }
        for (precision, peak) in matrixPeakFLOPS { try positive("matrixPeakFLOPS.\(precision.rawValue)", peak) }
        try positive("vectorPeakFLOPS", vectorPeakFLOPS)
        try positive("memoryBandwidth", memoryBandwidth)
        try positive("memoryBytes", Double(memoryBytes))
        guard memoryBytes <= 1 << 50 else { throw .badProfile(file: file, reason: "field 'memoryBytes' = \(memoryBytes): must be at most 1 PiB") }
        guard matrixTile >= 1, matrixTile <= 1 << 16 else { throw .badProfile(file: file, reason: "field 'matrixTile' = \(matrixTile): must be from 1 to 65536") }
        try nonNegative("launchOverheadSeconds", launchOverheadSeconds)
        try nonNegative("runtimeOverheadBytes", Double(runtimeOverheadBytes))
        try nonNegative("workspaceBytes", Double(workspaceBytes))
        guard runtimeOverheadBytes <= 1 << 50, workspaceBytes <= 1 << 50 else {
            throw .badProfile(file: file, reason: "fields 'runtimeOverheadBytes' and 'workspaceBytes' must be at most 1 PiB")
        }
        try nonNegative("idleWatts", idleWatts)
        try nonNegative("busyWatts", busyWatts)
        try nonNegative("usdPerHour", usdPerHour)
        if let v = iterationOverheadSeconds { try nonNegative("iterationOverheadSeconds", v) }
        if let v = inputSecondsPerElement { try nonNegative("inputSecondsPerElement", v) }
        if let v = privateCacheSpeedup { try positive("privateCacheSpeedup", v) }
        if let v = privateCacheBytes {
            try positive("privateCacheBytes", Double(v))
            guard v <= 1 << 40 else {
                throw .badProfile(file: file, reason: "field 'privateCacheBytes' = \(v): must be at most 1 TiB")
            }
        }
        if let v = vectorLanes, !(1...64).contains(v) {
            throw .badProfile(file: file, reason: "field 'vectorLanes' = \(v): must be from 1 to 64")
        }
        if let v = convolutionRuntimeBytes {
            try nonNegative("convolutionRuntimeBytes", Double(v))
            guard v <= 1 << 50 else {
                throw .badProfile(file: file, reason: "field 'convolutionRuntimeBytes' = \(v): must be at most 1 PiB")
            }
        }
        if let v = residualSpread { try nonNegative("residualSpread", v) }
        if let cores, !(1...65_536).contains(cores) { throw .badProfile(file: file, reason: "field 'cores' = \(cores): must be from 1 to 65536") }
        if let threads, !(1...65_536).contains(threads) { throw .badProfile(file: file, reason: "field 'threads' = \(threads): must be from 1 to 65536") }
    }

    /// The profile as deterministic JSON (sorted keys).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    /// Writes the profile atomically (temporary file, then rename).
    public func save(path: String) throws {
        try AtomicFile.write(try jsonData(), to: path)
    }
}

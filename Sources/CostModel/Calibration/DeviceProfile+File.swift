import Workload
import Foundation

extension DeviceProfile {
    /// Reads a profile written by `gansim calibrate` (or by hand) from JSON.
    public static func load(path: String) throws(CalibrationError) -> DeviceProfile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .badProfile(file: path, reason: "cannot be read (\(error.localizedDescription))")
        }
        do {
            return try JSONDecoder().decode(DeviceProfile.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let at = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw .badProfile(file: path, reason: "missing field '\(at)'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let at = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .badProfile(file: path, reason: "field '\(at)': \(context.debugDescription)")
        } catch {
            throw .badProfile(file: path, reason: "\(error)")
        }
    }

    /// The profile as deterministic JSON (sorted keys).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    /// Writes the profile atomically (temporary file, then rename).
    public func save(path: String) throws {
        try jsonData().write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

import CPNG
import Foundation

/// PNG decode and encode through libpng's simplified API.
public enum PNGCodec {
    /// An 8-bit image: `pixels` is `(height, width, channels)` row-major.
    public struct Image: Sendable {
        public var width: Int
        public var height: Int
        public var channels: Int
        public var pixels: [UInt8]

        /// An image of `width` x `height` pixels of `channels` interleaved 8-bit channels.
        public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
            self.width = width
            self.height = height
            self.channels = channels
            self.pixels = pixels
        }
    }

    /// Reads a PNG file as 8-bit RGB.
    ///
    /// - Throws: `RunnerError.badData` naming the file when it is missing or not a PNG.
    public static func read(_ path: String) throws(RunnerError) -> Image {
        guard FileManager.default.fileExists(atPath: path) else { throw .badData(path: path, reason: "no such file") }
        var pixels: UnsafeMutablePointer<UInt8>?
        var w: UInt32 = 0, h: UInt32 = 0
        var message = [CChar](repeating: 0, count: 64)
        let rc = gansim_png_read_rgb(path, &pixels, &w, &h, &message)
        guard rc == 0, let pixels else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .badData(path: path, reason: "not a readable PNG (\(text))")
        }
        defer { free(pixels) }
        let n = Int(w) * Int(h) * 3
        return Image(width: Int(w), height: Int(h), channels: 3, pixels: Array(UnsafeBufferPointer(start: pixels, count: n)))
    }

    /// Writes an RGB or grey image atomically (a temporary file renamed into place).
    public static func write(_ image: Image, to path: String) throws(RunnerError) {
        guard image.channels == 1 || image.channels == 3 else {
            throw .cannotWrite(path: path, reason: "PNG images here have 1 or 3 channels, not \(image.channels)")
        }
        let tmp = path + ".tmp-\(getpid())"
        var message = [CChar](repeating: 0, count: 64)
        let rc = image.pixels.withUnsafeBufferPointer {
            gansim_png_write(tmp, $0.baseAddress, UInt32(image.width), UInt32(image.height), Int32(image.channels), &message)
        }
        guard rc == 0 else {
            unlink(tmp)
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .cannotWrite(path: path, reason: text)
        }
        guard rename(tmp, path) == 0 else {
            unlink(tmp)
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

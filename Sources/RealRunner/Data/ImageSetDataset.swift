import Foundation
import SafeFiles

/// A fixed set of images held in memory, resized to the model's resolution: a folder
/// of PNG files or an MNIST-format IDX file. Pixel values are scaled to `[-1, 1]`.
public final class ImageSetDataset: Dataset {
    public let name: String
    public let sampleShape: [Int]
    /// Number of images.
    public let count: Int
    private let images: [Float]

    /// Creates a dataset from images already at the target shape, `(N, C, H, W)` in `[-1, 1]`.
    init(name: String, sampleShape: [Int], images: [Float]) {
        self.name = name
        self.sampleShape = sampleShape
        self.images = images
        count = images.count / sampleShape.reduce(1, *)
    }

    public func fill(_ batch: Tensor, rng: SeededRandom) {
        let n = sampleShape.reduce(1, *)
        images.withUnsafeBufferPointer { src in
            for b in 0..<batch.batch {
                let k = rng.int(below: count)
                (batch.data + b * n).update(from: src.baseAddress! + k * n, count: n)
            }
        }
    }

    /// Loads every `*.png` in `folder` (sorted by name), resized to `resolution` with
    /// bilinear interpolation and converted to `channels` (3, or 1 for grey).
    ///
    /// - Throws: `RunnerError.badData` when the folder is missing, holds no PNG, or a
    ///   file is not a readable PNG (naming the file).
    public static func pngFolder(_ folder: String, resolution: Int, channels: Int) throws(RunnerError) -> ImageSetDataset {
        try checkTarget(folder, resolution: resolution, channels: channels)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw .badData(path: folder, reason: "no such folder")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.lowercased().hasSuffix(".png") }.sorted()
        } catch {
            throw .badData(path: folder, reason: "cannot list the folder: \(FileProblem(path: folder, action: "list", error: error).reason)")
        }
        guard !names.isEmpty else { throw .badData(path: folder, reason: "the folder holds no .png files") }
        try checkMemory(folder, images: names.count, resolution: resolution, channels: channels)
        var all: [Float] = []
        all.reserveCapacity(names.count * channels * resolution * resolution)
        for n in names {
            let img = try PNGCodec.read((folder as NSString).appendingPathComponent(n))
            all += resample(img.pixels, width: img.width, height: img.height, channels: 3,
                            to: resolution, outChannels: channels)
        }
        return ImageSetDataset(name: folder, sampleShape: [channels, resolution, resolution], images: all)
    }

    /// Loads an MNIST-format IDX file of unsigned bytes, `(N, H, W)` or `(N, H, W, C)`,
    /// resized to `resolution` and converted to `channels`.
    ///
    /// - Throws: `RunnerError.badData` for a missing file, a bad magic number, a data
    ///   type other than unsigned byte, or a size that does not match the header.
    public static func idx(_ path: String, resolution: Int, channels: Int) throws(RunnerError) -> ImageSetDataset {
        try checkTarget(path, resolution: resolution, channels: channels)
        guard let data = FileManager.default.contents(atPath: path) else { throw .badData(path: path, reason: "no such file") }
        let bytes = [UInt8](data)
        guard bytes.count >= 4, bytes[0] == 0, bytes[1] == 0 else {
            throw .badData(path: path, reason: "not an IDX file (the magic number must start with two zero bytes)")
        }
        guard bytes[2] == 0x08 else {
            throw .badData(path: path, reason: String(format: "IDX data type 0x%02x is not supported (only 0x08, unsigned byte)", bytes[2]))
        }
        let ndim = Int(bytes[3])
        guard ndim == 3 || ndim == 4 else {
            throw .badData(path: path, reason: "IDX file has \(ndim) dimensions; images need 3 (N, H, W) or 4 (N, H, W, C)")
        }
        guard bytes.count >= 4 + 4 * ndim else { throw .badData(path: path, reason: "truncated IDX header") }
        var dims: [Int] = []
        for d in 0..<ndim {
            let o = 4 + 4 * d
            dims.append(Int(bytes[o]) << 24 | Int(bytes[o + 1]) << 16 | Int(bytes[o + 2]) << 8 | Int(bytes[o + 3]))
        }
        let n = dims[0], h = dims[1], w = dims[2], c = ndim == 4 ? dims[3] : 1
        guard n > 0, h > 0, w > 0, c == 1 || c == 3 else {
            throw .badData(path: path, reason: "IDX dimensions \(dims) do not describe 1- or 3-channel images")
        }
        // Each dimension is below 2^32, so their product can overflow: it is compared in floating point first.
        let promised = 4 + 4 * Double(ndim) + Double(n) * Double(h) * Double(w) * Double(c)
        guard promised == Double(bytes.count) else {
            let text = promised < 1e15 ? "\(Int(promised))" : "\(promised)"
            throw .badData(path: path, reason: "IDX header promises \(text) bytes (dimensions \(dims)), file has \(bytes.count)")
        }
        try checkMemory(path, images: n, resolution: resolution, channels: channels)
        var all: [Float] = []
        all.reserveCapacity(n * channels * resolution * resolution)
        let base = 4 + 4 * ndim
        for i in 0..<n {
            let start = base + i * h * w * c
            all += resample(Array(bytes[start..<(start + h * w * c)]), width: w, height: h, channels: c,
                            to: resolution, outChannels: channels)
        }
        return ImageSetDataset(name: path, sampleShape: [channels, resolution, resolution], images: all)
    }

    /// The images are resized to `resolution` pixels a side with `channels` channels: 1 to 8192 pixels, 1 or 3
    /// channels (what the models take), checked before any file is read.
    static func checkTarget(_ path: String, resolution: Int, channels: Int) throws(RunnerError) {
        guard (1...8192).contains(resolution) else {
            throw .badData(path: path, reason: "images cannot be resized to \(resolution) pixels a side; the model's resolution must be 1 to 8192")
        }
        guard channels == 1 || channels == 3 else {
            throw .badData(path: path, reason: "images have 1 or 3 channels, not \(channels)")
        }
    }

    /// The resized images are held in memory as floats: more than 4 GiB of them is refused up front.
    static func checkMemory(_ path: String, images: Int, resolution: Int, channels: Int) throws(RunnerError) {
        let bytes = 4 * Double(images) * Double(channels) * Double(resolution) * Double(resolution)
        guard bytes <= 4 * 1_073_741_824 else {
            throw .badData(path: path, reason: "\(images) images at \(resolution)x\(resolution) would take \(Int(bytes / 1_073_741_824)) GiB in memory, more than the 4 GiB gansim holds; use fewer images or a smaller resolution")
        }
    }

    /// Resizes interleaved 8-bit pixels `(H, W, C)` to planar floats `(outC, R, R)` in
    /// `[-1, 1]` with bilinear interpolation (grey is replicated; RGB to grey averages).
    static func resample(_ pixels: [UInt8], width: Int, height: Int, channels: Int, to r: Int, outChannels: Int) -> [Float] {
        var out = [Float](repeating: 0, count: outChannels * r * r)
        func at(_ x: Int, _ y: Int, _ ch: Int) -> Float {
            let p = (min(max(y, 0), height - 1) * width + min(max(x, 0), width - 1)) * channels
            if channels == outChannels { return Float(pixels[p + ch]) }
            if channels == 1 { return Float(pixels[p]) }
            return (Float(pixels[p]) + Float(pixels[p + 1]) + Float(pixels[p + 2])) / 3
        }
        for oc in 0..<outChannels {
            for oy in 0..<r {
                let sy = (Double(oy) + 0.5) * Double(height) / Double(r) - 0.5
                let y0 = Int(floor(sy)), fy = Float(sy - floor(sy))
                for ox in 0..<r {
                    let sx = (Double(ox) + 0.5) * Double(width) / Double(r) - 0.5
                    let x0 = Int(floor(sx)), fx = Float(sx - floor(sx))
                    let top = at(x0, y0, oc) * (1 - fx) + at(x0 + 1, y0, oc) * fx
                    let bottom = at(x0, y0 + 1, oc) * (1 - fx) + at(x0 + 1, y0 + 1, oc) * fx
                    out[(oc * r + oy) * r + ox] = (top * (1 - fy) + bottom * fy) / 127.5 - 1
                }
            }
        }
        return out
    }
}

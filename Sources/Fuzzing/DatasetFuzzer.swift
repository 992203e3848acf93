import Foundation
import RealRunner

/// Dataset files for `train --dataset`: folders of PNG files (valid, truncated, corrupted, with a lying header)
/// and MNIST-format IDX files (truncated, wrong sizes, huge dimensions, wrong types).
public enum DatasetFuzzer {
    /// A valid 4x3 RGB PNG, encoded once by gansim's own writer.
    static let smallPNG: Data = {
        let folder = NSTemporaryDirectory() + "gansim-fuzz-png-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/x.png"
        let pixels = (0..<(4 * 3 * 3)).map { UInt8($0 * 7) }
        try? PNGCodec.write(PNGCodec.Image(width: 4, height: 3, channels: 3, pixels: pixels), to: path)
        return FileManager.default.contents(atPath: path) ?? Data()
    }()

    /// The files of a PNG folder, and the resolution and channels asked for.
    public static func pngFolder(_ random: inout FuzzRandom) -> (files: [String: Data], numbers: [Int]) {
        var files: [String: Data] = [:]
        for k in 0..<random.below(4) {
            var bytes = [UInt8](smallPNG)
            switch random.below(6) {
            case 0: break
            case 1: bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
            case 2: if !bytes.isEmpty { bytes[random.below(bytes.count)] ^= UInt8(1 + random.below(255)) }
            case 3:  // the IHDR's width and height (bytes 16-23) set to a huge or zero size
                if bytes.count > 24 {
                    let size: [UInt8] = random.pick([[0x7f, 0xff, 0xff, 0xff], [0, 0, 0, 0], [0, 1, 0, 0], [0xff, 0xff, 0xff, 0xff]])
                    for j in 0..<4 { bytes[16 + j] = size[j]; bytes[20 + j] = random.chance(0.5) ? size[j] : bytes[20 + j] }
                }
            case 4: bytes = Array("not a png".utf8)
            default: bytes = []
            }
            files["pngs-case/\(k).png"] = Data(bytes)
        }
        if random.chance(0.2) { files["pngs-case/notes.txt"] = Data("x".utf8) }
        if files.isEmpty && random.chance(0.5) { files["pngs-case/.keep"] = Data() }
        let resolution = random.pick([1, 2, 4, 8, 32, 0, -1, 100_000])
        let channels = random.pick([1, 3, 0, 2, 4])
        return (files, [resolution, channels])
    }

    /// An IDX file, and the resolution and channels asked for.
    public static func idx(_ random: inout FuzzRandom) -> (data: Data, numbers: [Int]) {
        let dims = random.chance(0.7) ? [random.pick([1, 2, 5]), random.pick([2, 4, 7]), random.pick([2, 4, 7])]
                                      : [random.pick([1, 2]), 4, 4, random.pick([1, 3, 2])]
        var bytes: [UInt8] = [0, 0, 0x08, UInt8(dims.count)]
        for d in dims { bytes += [UInt8(d >> 24 & 0xff), UInt8(d >> 16 & 0xff), UInt8(d >> 8 & 0xff), UInt8(d & 0xff)] }
        let count = dims.reduce(1, *)
        bytes += (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        switch random.below(8) {
        case 0: break
        case 1: bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
        case 2: bytes[2] = random.pick([0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x00])
        case 3: bytes[3] = random.pick([0, 1, 2, 5, 255])
        case 4:  // a dimension set to a huge value, the data left as it is
            let d = random.below(dims.count)
            let huge: [UInt8] = random.pick([[0x7f, 0xff, 0xff, 0xff], [0xff, 0xff, 0xff, 0xff], [0, 0, 0, 0], [0, 1, 0, 0]])
            for j in 0..<4 { bytes[4 + 4 * d + j] = huge[j] }
        case 5: bytes += [1, 2, 3]
        case 6: bytes[0] = 1
        default: bytes = Array(bytes.prefix(4 + 4 * dims.count))
        }
        let resolution = random.pick([1, 2, 4, 8, 28, 0, -3, 100_000])
        let channels = random.pick([1, 3, 0, 2])
        return (Data(bytes), [resolution, channels])
    }
}

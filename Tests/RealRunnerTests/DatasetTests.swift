import CPUExecution
import Workload
import Foundation
import Testing
import TestSupport
@testable import RealRunner

/// Datasets: built-in generators, PNG and IDX loading, and their errors.
@Suite struct DatasetTests {
    /// A fresh temporary folder.
    static func tempFolder() throws -> String {
        let p = TestScratch.folder("rr")
        try FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        return p
    }

    @Test func ringSamplesCoverAllModesAndAreNearThem() {
        let ring = RingDataset()
        let t = Tensor(shape: [2000, 2])
        ring.fill(t, rng: SeededRandom(seed: 3))
        let c = ring.evaluate(t)
        #expect(c.modesCovered == 8)
        #expect(c.highQualityFraction > 0.99)
    }

    @Test func collapsedPointsCoverOneMode() {
        let ring = RingDataset()
        let t = Tensor(shape: [100, 2])
        for i in 0..<100 { t[2 * i] = 2; t[2 * i + 1] = 0 }
        #expect(ring.evaluate(t).modesCovered == 1)
    }

    @Test func shapesAreDeterministicAndInRange() throws {
        let ds = try ShapesDataset(resolution: 32)
        let a = Tensor(shape: [4, 3, 32, 32]), b = Tensor(shape: [4, 3, 32, 32])
        ds.fill(a, rng: SeededRandom(seed: 9))
        ds.fill(b, rng: SeededRandom(seed: 9))
        #expect(a.array == b.array)
        #expect(a.array.allSatisfy { $0 >= -1 && $0 <= 1 })
        // Not a constant image: a shape was drawn.
        #expect(Set(a.array).count > 2)
    }

    @Test func pngRoundTripThroughFolderDataset() throws {
        let dir = try Self.tempFolder()
        let ds = try ShapesDataset(resolution: 16)
        let t = Tensor(shape: [1, 3, 16, 16])
        ds.fill(t, rng: SeededRandom(seed: 2))
        try PNGCodec.write(SampleImage.grid(t, columns: 1), to: dir + "/a.png")
        let img = try PNGCodec.read(dir + "/a.png")
        #expect(img.width == 20 && img.height == 20)  // 16 + 2-pixel borders
        let loaded = try ImageSetDataset.pngFolder(dir, resolution: 8, channels: 3)
        #expect(loaded.count == 1 && loaded.sampleShape == [3, 8, 8])
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.png"])
    }

    @Test func idxImagesLoadResizedAndReplicated() throws {
        let dir = try Self.tempFolder()
        // Two 4x4 images: all 0 and all 255.
        var bytes: [UInt8] = [0, 0, 0x08, 3, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 4]
        bytes += [UInt8](repeating: 0, count: 16) + [UInt8](repeating: 255, count: 16)
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/x.idx"))
        let ds = try ImageSetDataset.idx(dir + "/x.idx", resolution: 8, channels: 3)
        #expect(ds.count == 2 && ds.sampleShape == [3, 8, 8])
        let t = Tensor(shape: [16, 3, 8, 8])
        ds.fill(t, rng: SeededRandom(seed: 1))
        #expect(t.array.allSatisfy { $0 == -1 || $0 == 1 })
    }

    @Test func badDataGivesClearErrors() throws {
        let dir = try Self.tempFolder()
        #expect(throws: RunnerError.badData(path: dir + "/none", reason: "no such folder")) {
            try ImageSetDataset.pngFolder(dir + "/none", resolution: 8, channels: 3)
        }
        #expect(throws: RunnerError.badData(path: dir, reason: "the folder holds no .png files")) {
            try ImageSetDataset.pngFolder(dir, resolution: 8, channels: 3)
        }
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: dir + "/bad.png"))
        do {
            _ = try ImageSetDataset.pngFolder(dir, resolution: 8, channels: 3)
            Issue.record("a corrupt PNG was accepted")
        } catch {
            #expect("\(error)".contains("bad.png") && "\(error)".contains("not a readable PNG"))
        }
        try Data([0, 0, 0x0D, 3, 0, 0, 0, 1]).write(to: URL(fileURLWithPath: dir + "/f.idx"))
        do {
            _ = try ImageSetDataset.idx(dir + "/f.idx", resolution: 8, channels: 1)
            Issue.record("a float IDX file was accepted")
        } catch {
            #expect("\(error)".contains("IDX data type 0x0d is not supported"))
        }
        try Data([0, 0, 0x08, 3, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 4, 1, 2]).write(to: URL(fileURLWithPath: dir + "/t.idx"))
        do {
            _ = try ImageSetDataset.idx(dir + "/t.idx", resolution: 8, channels: 1)
            Issue.record("a truncated IDX file was accepted")
        } catch {
            #expect("\(error)".contains("IDX header promises 48 bytes (dimensions [2, 4, 4]), file has 18"))
        }
    }
}

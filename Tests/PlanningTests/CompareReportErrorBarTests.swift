import Foundation
import Testing
import TestSupport

/// `gansim compare --out`'s report.html, from the built executable: a whisker over the iteration-time bar of each
/// configuration whose profile is validated, and none over the others.
@Suite struct CompareReportErrorBarTests {
    /// Errors that make a test fail with a reason.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The `gansim` executable built next to this test bundle (`swift build --build-tests` builds both).
    static func gansim() throws -> String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: exe).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("gansim").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        throw Failure(description: "no gansim executable next to \(exe): build it with swift build --build-tests")
    }

    /// A scenario of `architecture` on one DGX-1 of 32 GB V100s.
    static func scenario(_ name: String, architecture: String, resolution: Int) -> String {
        """
        name: \(name)
        model: {architecture: \(architecture), resolution: \(resolution)}
        recipe: {batchPerDevice: 4}
        cluster: {topology: dgx1-v100, devices: 8, device: v100-32gb}
        training: {kimg: 5000}
        simulate: {iterations: 3}
        seed: 1
        """
    }

    /// Runs `gansim compare` on the two scenarios and returns report.html.
    static func compareReport(in folder: URL) throws -> String {
        let validated = folder.appendingPathComponent("v100-sg2.yaml"), other = folder.appendingPathComponent("v100-pg.yaml")
        try scenario("v100-sg2", architecture: "stylegan2", resolution: 256).write(to: validated, atomically: false, encoding: .utf8)
        try scenario("v100-pg", architecture: "progan", resolution: 128).write(to: other, atomically: false, encoding: .utf8)
        let out = folder.appendingPathComponent("out-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try gansim())
        process.arguments = ["compare", validated.path, other.path, "--out", out.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "gansim compare exited \(process.terminationStatus)") }
        return try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    }

    @Test func validatedConfigurationGetsAWhiskerOverItsTimeBar() throws {
        let folder = URL(fileURLWithPath: TestScratch.folder("compare-test"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try Self.compareReport(in: folder)
        // The StyleGAN2 run (the first bar, whose middle is at 36 + 2 + 16 + 22 / 2 = 65: top margin, gap, label band, half a bar) has one; the ProGAN run (no implementation profile) none.
        let whiskers = html.components(separatedBy: "<path class=\"whisker\" d=\"").dropFirst().map { $0.prefix { $0 != "\n" } }
        #expect(whiskers.count == 1)
        let whisker = String(try #require(whiskers.first))
        #expect(whisker.hasPrefix("M") && whisker.prefix { $0 != "L" }.hasSuffix(",65.0"))
        #expect(html.contains("<p class=\"note\">bars: validated range (v100-32gb: leave-one-out over 16 runs of stylegan2-ada-pytorch-v100.csv)</p>"))
        // The whisker spans the range the summary table lists (milliseconds on the chart).
        let tip = try #require(whisker.components(separatedBy: "<title>v100-sg2: ").dropFirst().first)
        let ends = tip.prefix { $0 != "<" }.components(separatedBy: " to ").compactMap(Double.init)
        #expect(ends.count == 2)
        if ends.count == 2 {
            #expect(ends[0] < ends[1])
            #expect(html.contains(String(format: "<td>%.3f ms-%.3f ms</td>", ends[0], ends[1])))
        }
        // Deterministic: the same comparison writes the same bytes.
        #expect(try Self.compareReport(in: folder) == html)
    }
}

import CostModel
import Foundation
import Testing
@testable import ReportComposition

/// `calibrate`'s table of a fit: the same bytes the command printed before composing it moved here.
@Suite struct CalibrationTableTests {
    @Test func aCPUFitShowsThreadsTheColumnMatrixAndTheWholeStepTerms() throws {
        let result = try JSONDecoder().decode(CalibrationResult.self, from: Fixture.data("calibration-cpu.json"))
        let text = CalibrationTable(result, device: "cpu", source: "the built-in fit set (6 runs, fastest of 5 rounds)").text
        let expected = try Fixture.text("calibration-cpu.txt")
        #expect(text == expected)
    }
}

import Simulator
import Testing
import Yams
@testable import Planning

@Suite struct AppliedAssignmentsTests {
    /// Reusing the longest shared prefix of assignments gives the tree that applying them all at once gives,
    /// in grid order, out of order and with a new section created by a later point.
    @Test func prefixReuseGivesTheSameTreeAsApplyingEverything() throws {
        let template = try ScenarioTemplate(yaml: SweepTests.ringScenario, defaultName: "ring")
        let grid = try SweepGrid(template: template, axes: [
            SweepAxis.parse("devices=2,4,8"), SweepAxis.parse("batch=8,16"), SweepAxis.parse("algorithm=ring,tree"),
            SweepAxis.parse("recipe.ema=true,false"),
        ])
        let root = try template.root()
        var applied = AppliedAssignments(root: root)
        let extra = [Assignment(path: ["simulate", "iterations"], value: "2")]
        let order = Array(grid.points.indices) + [5, 0, 17, 3, 3, 23, 1]
        for index in order {
            let assignments = grid.points[index].assignments + extra
            let reused = try serialize(node: applied.tree(assignments))
            let direct = try serialize(node: ScenarioTemplate.applying(assignments, to: root))
            #expect(reused == direct, "point \(index)")
        }
        #expect(try serialize(node: applied.tree([])) == serialize(node: root))
    }

    /// The analytic stage gives the same outcomes whatever order and threads the points are evaluated in.
    @Test func analyticOutcomesDoNotDependOnThreadsOrOrder() throws {
        let template = try ScenarioTemplate(yaml: SweepTests.ringScenario, defaultName: "ring")
        let grid = try SweepGrid(template: template, axes: [SweepAxis.parse("devices=2,4,8"), SweepAxis.parse("batch=8,16,32")])
        let one = SweepEngine(threads: 1).analytic(template: template, points: grid.points)
        let reversed = SweepEngine(threads: 2).analytic(template: template, points: grid.points.reversed())
        #expect(one.map(\.analytic?.iterationSeconds) == reversed.reversed().map(\.analytic?.iterationSeconds))
    }
}

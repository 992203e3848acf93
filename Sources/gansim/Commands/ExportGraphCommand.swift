import ArgumentParser
import CostModel
import Workload
import Reports

/// `gansim export-graph`: a model's G and D graphs with per-op costs, as JSON on stdout.
struct ExportGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-graph",
        abstract: "Print a model's op graphs (shapes, attributes, costs) as JSON.",
        discussion: """
            The output is what scripts/measure_graph.py rebuilds in PyTorch to time every op on \
            a CPU or GPU; its measurements feed `gansim calibrate --measurements`.
            """)

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Batch at which op costs are given.")
    var batch: Int = 32

    @Option(help: "Precision of the op costs: fp32, tf32, fp16, bf16, fp8.")
    var precision: String = "fp32"

    func run() throws {
        guard batch > 0, batch <= WorkloadLimits.maximumBatch else {
            throw ModelError.invalid(field: "--batch", value: "\(batch)", expected: "a whole number from 1 to \(WorkloadLimits.maximumBatch)")
        }
        let model = try modelOptions.config().build()
        print(try JSONOutput.string(GraphExport(model: model, batch: batch, precision: try Precision.named(precision))))
    }
}

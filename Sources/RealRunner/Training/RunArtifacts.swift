import Foundation
import SafeFiles

/// Writes a run's files into its output folder, each atomically (temporary file, then
/// rename): `result.json`, `losses.csv`, `timings.jsonl`, `samples.png` and `real.png`.
public enum RunArtifacts {
    /// Writes every artifact of `trainer`'s run into `directory` (created if missing).
    ///
    /// A data-parallel run passes its own `resultJSON` (the result with the per-rank
    /// figures) and `timingFiles` (one timing file per rank, name and text) to replace
    /// `result.json`'s text and the single `timings.jsonl`.
    ///
    /// - Throws: `RunnerError.cannotWrite` naming the path that failed.
    public static func write(
        _ result: TrainResult, trainer: Trainer, to directory: String, resultJSON: String? = nil,
        timingFiles: [(name: String, text: String)]? = nil
    ) throws(RunnerError) {
        // The files are written into a staging folder beside `directory`, renamed into place at the end: an
        // interrupted run leaves the old folder or the new one.
        let staged: StagedFolder
        do { staged = try StagedFolder(target: directory) } catch {
            throw .cannotWrite(path: directory, reason: "\(error.reason); \(error.advice)")
        }
        func path(_ name: String) -> String { staged.path(name) }
        try writeText((resultJSON ?? Self.resultJSON(result)) + "\n", to: path("result.json"))
        var csv = "step,discriminator_loss,generator_loss,seconds\n"
        for (i, l) in trainer.lossHistory.enumerated() {
            csv += "\(i + 1),\(l.discriminator),\(l.generator),\(trainer.stepSeconds[i])\n"
        }
        try writeText(csv, to: path("losses.csv"))
        for (name, text) in timingFiles ?? [("timings.jsonl", timingLines(trainer))] {
            try writeText(text, to: path(name))
        }
        let samples = trainer.sample(count: trainer.sampleShape.count == 3 ? 64 : 1000, seed: trainer.options.seed &+ 99)
        let real = Tensor(shape: samples.shape)
        trainer.dataset.fill(real, rng: SeededRandom(seed: trainer.options.seed &+ 98))
        if let ring = trainer.dataset as? RingDataset {
            try PNGCodec.write(SampleImage.scatter(samples, ring: ring), to: path("samples.png"))
            try PNGCodec.write(SampleImage.scatter(real, ring: ring), to: path("real.png"))
        } else {
            try PNGCodec.write(SampleImage.grid(samples), to: path("samples.png"))
            try PNGCodec.write(SampleImage.grid(real), to: path("real.png"))
        }
        do { try staged.commit() } catch {
            throw .cannotWrite(path: directory, reason: "\(error.reason); \(error.advice)")
        }
    }

    /// The result as pretty, key-sorted JSON.
    public static func resultJSON(_ result: TrainResult) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? enc.encode(result)) ?? Data(), as: UTF8.self)
    }

    /// One JSON object per line: every timed step, then every op pass.
    public static func timingLines(_ trainer: Trainer) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        var lines: [String] = []
        let warm = trainer.warmupSteps
        for (i, s) in trainer.stepSeconds.enumerated() {
            let l = trainer.lossHistory[i]
            let r = StepRecord(step: i + 1, seconds: s, cpuSeconds: trainer.stepCPUSeconds[i],
                               discriminatorLoss: l.discriminator, generatorLoss: l.generator, timed: i >= warm, threads: trainer.options.threads, batch: trainer.recipe.batchPerDevice,
                               precision: "fp32")
            lines.append(String(decoding: (try? enc.encode(r)) ?? Data(), as: UTF8.self))
        }
        for r in trainer.opRecords() { lines.append(String(decoding: (try? enc.encode(r)) ?? Data(), as: UTF8.self)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `text` to `path` through a temporary file and a rename (`AtomicFile`).
    public static func writeText(_ text: String, to path: String) throws(RunnerError) {
        do { try AtomicFile.write(text, to: path) } catch {
            throw .cannotWrite(path: path, reason: "\(error.reason); \(error.advice)")
        }
    }
}

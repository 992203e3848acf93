import ArgumentParser
import Validation

/// The values `validate --runs` uses for columns a whole-run file leaves out.
struct RunDefaultsOptions: ParsableArguments {
    @Option(help: "With --runs: the architecture of rows without an `architecture` column (e.g. stylegan2).")
    var architecture: String?

    @Option(help: "With --runs: the preset of rows without a `preset` column (e.g. auto).")
    var preset: String?

    @Option(help: "With --runs: the topology of rows without a `topology` column (e.g. dgx1-v100).")
    var topology: String?

    @Option(help: "With --runs: the precision of rows without a `precision` column (default fp32).")
    var precision: String?

    var defaults: PublishedRunFile.Defaults {
        PublishedRunFile.Defaults(architecture: architecture, preset: preset, topology: topology, precision: precision)
    }
}

import ArgumentParser

/// The `gansim` command: plan GAN training on GPU/TPU clusters.
public struct Gansim: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gansim",
        abstract: "Plan GAN training on GPU/TPU clusters: time, memory, energy, cost, scaling.",
        version: "0.1.0",
        subcommands: [
            ModelsCommand.self,
            DevicesCommand.self,
            InspectCommand.self,
            ExportGraphCommand.self,
            CalibrateCommand.self,
            ValidateCommand.self,
            CollectiveCommand.self,
            SimulateCommand.self,
            CompareCommand.self,
            SweepCommand.self,
            PlanCommand.self,
            TrainCommand.self,
            CommBenchCommand.self,
            DistributedValidateCommand.self,
        ]
    )

    /// Creates the root command (ArgumentParser fills it from the command line).
    public init() {}
}

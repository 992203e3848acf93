// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gansim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gansim", targets: ["gansim"]),
        .executable(name: "GansimFuzz", targets: ["GansimFuzz"]),
        .library(name: "Workload", targets: ["Workload"]),
        .library(name: "CostModel", targets: ["CostModel"]),
        .library(name: "Simulator", targets: ["Simulator"]),
        .library(name: "RealRunner", targets: ["RealRunner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // GSL and OpenBLAS from Debian (libgsl-dev, libopenblas-dev), behind a header shim.
        .systemLibrary(name: "CGSL", path: "Sources/CGSL"),
        // libpng from Debian (libpng-dev): PNG datasets and sample grids of the RealRunner.
        .systemLibrary(name: "CPNG", path: "Sources/CPNG"),
        // glibc's malloc.h (mallopt): the RealRunner keeps freed memory (HeapRetention).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // Open MPI from Debian (libopenmpi-dev), behind a header shim: distributed runs.
        .systemLibrary(name: "CMPI", path: "Sources/CMPI", pkgConfig: "ompi-c", providers: [.apt(["libopenmpi-dev"])]),
        // Files written whole or not at all (temporary file or folder beside the target, then a rename), and
        // sentences for file errors in place of Foundation's text.
        .target(name: "SafeFiles"),
        // Input checking shared by every reader of user input: the input-error type (field, value, reason, position)
        // and quantities with units (sizes, bandwidths, durations, dollars).
        .target(name: "InputParsing"),
        // The GAN description: graph IR, ops and shapes, architectures, the recipe and its work items.
        .target(name: "Workload"),
        // The CPU reference trainer's execution rules (thread splits, column-matrix lowering), read by CPU pricing.
        .target(name: "CPUExecution", dependencies: ["Workload"]),
        // Pricing: roofline, memory, energy activity, device profiles, calibration.
        .target(name: "CostModel", dependencies: ["Workload", "CPUExecution", "CGSL", "SafeFiles"]),
        .target(
            name: "Simulator",
            dependencies: [
                "InputParsing", "Workload", "CostModel", "CGSL",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Yams", package: "Yams"),
            ]),
        // The CPU trainer's convolutions and transposed convolutions, run by oneDNN from Debian (libdnnl-dev; its
        // OpenMP runtime is GCC's libgomp), behind a small C interface in the trainer's plain layouts.
        .target(
            name: "CDirectConvolution",
            linkerSettings: [.linkedLibrary("dnnl"), .linkedLibrary("gomp")]),
        .target(
            name: "RealRunner",
            dependencies: ["Workload", "CPUExecution", "CGSL", "CPNG", "CMalloc", "CDirectConvolution", "SafeFiles"]),
        // The MPI runtime, data-parallel training and the transport's calibration (comm-bench).
        .target(name: "Distributed", dependencies: ["CMPI", "RealRunner", "Workload", "CostModel", "Simulator", "SafeFiles"]),
        // The formats outputs are written in: self-contained HTML reports, SVG charts, plain-text tables, deterministic JSON.
        .target(name: "Reports"),
        // Predictions against measurements: CPU runs in one process or over MPI (the run description and its `gansim
        // train` command line), measured GPU steps, whole published runs (and the fit to them).
        .target(name: "Validation", dependencies: ["InputParsing", "Workload", "CostModel", "Simulator", "RealRunner", "Distributed"]),
        // Sweeps over scenario fields, Pareto fronts and the cluster planner.
        .target(
            name: "Planning",
            dependencies: ["Workload", "CostModel", "Simulator"]),
        // What simulate, compare, sweep, plan, calibrate, validate and validate-distributed print and write: their
        // text, pages and files, composed from results.
        .target(name: "ReportComposition", dependencies: ["CostModel", "Simulator", "Planning", "Validation", "Distributed", "Reports"]),
        // The CLI's commands (parse, call a library, print), a library so that the fuzzer runs them in-process.
        .target(
            name: "GansimCLI",
            dependencies: [
                "InputParsing", "Workload", "CostModel", "Simulator", "RealRunner", "Validation", "Reports", "Distributed", "Planning",
                "ReportComposition", "SafeFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Sources/gansim"),
        .executableTarget(name: "gansim", dependencies: ["GansimCLI"], path: "Sources/GansimMain"),
        // The fuzzer: seeded cases over every entry point (scenario YAML, command flags, measurement, profile and
        // dataset files), run in-process with a time and memory budget per case.
        .target(
            name: "Fuzzing",
            dependencies: [
                "InputParsing", "GansimCLI", "Workload", "CostModel", "Simulator", "RealRunner", "Validation", "Planning", "SafeFiles",
                .product(name: "Yams", package: "Yams"),
            ]),
        .executableTarget(name: "GansimFuzz", dependencies: ["Fuzzing"], path: "Benchmarks/GansimFuzz"),
        .executableTarget(name: "CostModelBenchmarks", dependencies: ["Workload", "CostModel"], path: "Benchmarks/CostModelBenchmarks"),
        .executableTarget(name: "RealRunnerBenchmarks", dependencies: ["RealRunner", "Workload", "CGSL"], path: "Benchmarks/RealRunnerBenchmarks"),
        .executableTarget(name: "PlanningBenchmarks", dependencies: ["InputParsing", "Planning", "Simulator", "Workload"], path: "Benchmarks/PlanningBenchmarks"),
        .executableTarget(name: "SimulatorBenchmarks", dependencies: ["InputParsing", "Simulator", "Workload", "CostModel"], path: "Benchmarks/SimulatorBenchmarks"),
        .testTarget(name: "CGSLTests", dependencies: ["CGSL"]),
        .testTarget(name: "CostModelTests", dependencies: ["Workload", "CPUExecution", "CostModel", "TestSupport"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "Distributed", "Simulator", "Workload", "CostModel", "RealRunner", "TestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "TestSupport"]),
        .testTarget(name: "PlanningTests", dependencies: ["InputParsing", "Planning", "Simulator", "Workload", "CostModel", "TestSupport"]),
        .testTarget(name: "ReportCompositionTests", dependencies: ["ReportComposition", "Planning", "Simulator", "Validation", "Distributed",
                                                                   "CostModel", "Reports", "TestSupport"],
                    resources: [.copy("Fixtures")]),
        // One execution model: every command's step time for the same model, recipe and profile.
        .testTarget(name: "ConsistencyTests", dependencies: ["Workload", "CostModel", "Simulator", "Planning", "Validation", "TestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "SimulatorTests", dependencies: ["InputParsing", "Simulator", "Workload", "CostModel", "TestSupport"]),
        .testTarget(name: "DistributedTests", dependencies: ["Distributed", "RealRunner", "Workload", "CostModel", "TestSupport"]),
        // One temporary root per test run, removed when the run ends; approximate equality with a stated tolerance.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // A fixed-seed slice of the fuzzer and the regression cases it found.
        .testTarget(name: "FuzzTests", dependencies: ["InputParsing", "Fuzzing", "GansimCLI", "Simulator", "CostModel", "Workload", "RealRunner", "Validation", "SafeFiles", "TestSupport"]),
        .testTarget(name: "RealRunnerTests", dependencies: ["RealRunner", "Workload", "CPUExecution", "TestSupport"], resources: [.copy("Fixtures")]),
    ]
)

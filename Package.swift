// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gansim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gansim", targets: ["gansim"]),
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
        .target(name: "CostModel", dependencies: ["CGSL"]),
        .target(
            name: "Simulator",
            dependencies: [
                "CostModel", "CGSL",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Yams", package: "Yams"),
            ]),
        .target(name: "RealRunner", dependencies: ["CostModel", "CGSL", "CPNG", "CMalloc"]),
        // Data-parallel training and communication calibration over MPI.
        .target(name: "Distributed", dependencies: ["CMPI", "RealRunner", "CostModel", "Simulator"]),
        // Self-contained HTML reports and SVG charts.
        .target(name: "Reports"),
        // Calibration runs and validation plans: CostModel predictions against RealRunner measurements.
        .target(name: "Validation", dependencies: ["CostModel", "Reports"]),
        // Sweeps over scenario fields, Pareto fronts and the cluster planner.
        .target(
            name: "Planning",
            dependencies: ["CostModel", "Simulator", "Reports", .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "gansim",
            dependencies: [
                "CostModel", "Simulator", "RealRunner", "Validation", "Reports", "Distributed", "Planning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]),
        .executableTarget(name: "CostModelBenchmarks", dependencies: ["CostModel"], path: "Benchmarks/CostModelBenchmarks"),
        .executableTarget(name: "RealRunnerBenchmarks", dependencies: ["RealRunner", "CGSL"], path: "Benchmarks/RealRunnerBenchmarks"),
        .executableTarget(name: "PlanningBenchmarks", dependencies: ["Planning", "Simulator"], path: "Benchmarks/PlanningBenchmarks"),
        .executableTarget(name: "SimulatorBenchmarks", dependencies: ["Simulator", "CostModel"], path: "Benchmarks/SimulatorBenchmarks"),
        .testTarget(name: "CGSLTests", dependencies: ["CGSL"]),
        .testTarget(name: "CostModelTests", dependencies: ["CostModel"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "CostModel", "RealRunner"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "Simulator", "CostModel"]),
        // One execution model: every command's step time for the same model, recipe and profile.
        .testTarget(name: "ConsistencyTests", dependencies: ["CostModel", "Simulator", "Planning", "Validation"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "CostModel"]),
        .testTarget(name: "DistributedTests", dependencies: ["Distributed", "RealRunner", "CostModel"]),
        .testTarget(name: "RealRunnerTests", dependencies: ["RealRunner", "CostModel"], resources: [.copy("Fixtures")]),
    ]
)

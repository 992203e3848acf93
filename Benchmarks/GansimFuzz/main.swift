import Foundation
import Fuzzing

// GansimFuzz: the fuzzing campaign (`make fuzz`). Without --worker it supervises worker processes of itself;
// with --worker it runs one range of cases in-process, under the crash reporter and the watchdog.

let arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func value(_ flag: String) -> String? {
    guard let i = arguments.firstIndex(of: flag), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("GansimFuzz: \(message)\n".utf8))
    exit(2)
}
let usage = "usage: GansimFuzz [--cases N] [--seed S] [--start K] [--jobs J] [--batch B] [--budget SECONDS] [--memory MIB] | --replay SEED:INDEX"
if arguments.contains("--help") { print(usage); exit(0) }
@MainActor func number<T: LosslessStringConvertible>(_ flag: String, _ fallback: T) -> T {
    guard let text = value(flag) else { return fallback }
    guard let n = T(text) else { fail("\(flag) \(text): expected a number; \(usage)") }
    return n
}

if let replay = value("--replay") {
    let parts = replay.split(separator: ":")
    guard parts.count == 2, let seed = UInt64(parts[0]), let index = Int(parts[1]) else { fail("--replay \(replay): expected SEED:INDEX") }
    let fuzzCase = FuzzCase(seed: seed, index: index)
    print(fuzzCase.reproducer)
    fflush(nil)
    let executor = try FuzzExecutor()
    let outcome = executor.run(fuzzCase)
    executor.close()
    print("outcome: \(outcome)")
    exit(0)
}

if arguments.contains("--worker") {
    let seed: UInt64 = number("--seed", 1)
    let from: Int = number("--from", 0), to: Int = number("--to", 0)
    let budget: Double = number("--budget", 10), memory: Int = number("--memory", 4096)
    let executor = try FuzzExecutor(parent: value("--scratch"))
    // A path the executor missed lands in the scratch folder, not in the caller's working directory.
    FileManager.default.changeCurrentDirectoryPath(executor.scratch)
    CrashReporter.install()
    let watchdog = Watchdog(seconds: budget, bytes: memory * 1_048_576)
    // Commands print their results: the worker's own lines go to the saved standard output.
    fflush(nil)
    let report = FileHandle(fileDescriptor: dup(1))
    let null = open("/dev/null", O_WRONLY)
    dup2(null, 1)
    nonisolated(unsafe) var written = 0
    let result = FuzzWorker.run(seed: seed, range: from..<to, executor: executor, before: { fuzzCase in
        CrashReporter.setCurrent(fuzzCase.reproducer)
        watchdog.start()
    }, after: { fuzzCase, soFar in
        watchdog.stop()
        // Findings and counts go out as they come, so that a later crash of this worker loses none of them.
        for finding in soFar.findings.dropFirst(written) {
            FileHandle.standardError.write(Data("\nGANSIM-FUZZ FINDING\n\(finding)\n".utf8))
        }
        written = soFar.findings.count
        if (fuzzCase.index + 1) % 100 == 0 { report.write(Data("DONE \(fuzzCase.index + 1)\n\(soFar.countsLine)\n".utf8)) }
    })
    executor.close()
    report.write(Data((result.countsLine + "\n").utf8))
    exit(0)
}

var settings = FuzzSupervisor.Settings()
settings.seed = number("--seed", 1)
settings.start = number("--start", 0)
settings.cases = number("--cases", 1_000_000)
settings.jobs = number("--jobs", ProcessInfo.processInfo.activeProcessorCount)
settings.batch = number("--batch", 20_000)
settings.budgetSeconds = number("--budget", 10)
settings.memoryMiB = number("--memory", 4096)
let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
let began = Date()
let report = try FuzzSupervisor(settings: settings, executable: executable).run()
let seconds = Date().timeIntervalSince(began)
FileHandle.standardError.write(Data("\n".utf8))
print("GansimFuzz: \(report.total) cases of seed \(settings.seed) from \(settings.start) in \(String(format: "%.0f", seconds)) s (\(settings.jobs) jobs, budget \(settings.budgetSeconds) s and \(settings.memoryMiB) MiB per case)")
print(report.table)
print("\(report.findings.count) findings")
for finding in report.findings { print("\n" + finding) }
exit(report.findings.isEmpty ? 0 : 1)

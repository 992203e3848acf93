import CostModel
import CPUExecution
import Workload
import Foundation
import Testing
import TestSupport

/// Fitting on synthetic data with known parameters, profile files, measurement parsing.
@Suite struct CalibrationTests {
    let base = DeviceCatalog.developmentVM

    /// Samples generated from known class parameters with deterministic +-2% noise.
    func synthetic(overhead: Double, compute: Double, memory: Double, opClass: OpClass = .convolution)
        -> [TimingSample]
    {
        let fitter = ProfileFitter(base: base)
        var out: [TimingSample] = []
        var k = 0
        for exponent in 0..<24 {
            let flops = Int(1e5 * pow(10, Double(exponent) / 4.5))
            // Alternate compute-heavy and memory-heavy ops so both efficiencies are identifiable.
            let bytes = exponent % 2 == 0 ? flops / 50 : flops * 2
            let s = TimingSample(opClass: opClass, kind: "conv2d", flops: flops, bytes: bytes, precision: .fp32,
                                 seconds: 1)
            let t = fitter.predict(s, overhead: overhead, compute: compute, memory: memory,
                                   serialMemory: ProfileFitter.packsOperands(opClass, on: base.kind))
            let noise = 1 + 0.02 * sin(Double(k) * 1.7)
            k += 1
            out.append(TimingSample(opClass: opClass, kind: "conv2d", flops: flops, bytes: bytes, precision: .fp32,
                                    seconds: t * noise))
        }
        return out
    }

    @Test func fitRecoversKnownParameters() throws {
        let samples = synthetic(overhead: 20e-6, compute: 0.62, memory: 0.4)
        let result = ProfileFitter(base: base).fit(samples)
        let fit = try #require(result.classes.first)
        #expect(fit.opClass == .convolution && fit.samples == 24)
        #expect(isClose(fit.launchOverheadSeconds, 20e-6, relative: 0.1))
        #expect(isClose(fit.computeEfficiency, 0.62, relative: 0.05))
        #expect(isClose(fit.memoryEfficiency, 0.4, relative: 0.05))
        #expect(fit.rSquared > 0.99)
        #expect(fit.residualSpread < 0.03)
        #expect(fit.computeEfficiencyStandardError > 0 && fit.computeEfficiencyStandardError < 0.05)
        // The fitted profile prices that class with the fitted numbers, others as before.
        let p = result.profile
        #expect(p.parameters(for: .convolution).computeEfficiency.maxEfficiency == fit.computeEfficiency)
        #expect(p.parameters(for: .matmul) == base.parameters(for: .matmul))
        #expect(p.residualSpread != nil)
    }

    @Test func passesWithoutWorkAreNotFitted() throws {
        let samples = synthetic(overhead: 20e-6, compute: 0.62, memory: 0.4, opClass: .elementwise)
        let empty = (0..<8).map { _ in
            TimingSample(opClass: .elementwise, kind: "reshape", flops: 0, bytes: 0, precision: .fp32, seconds: 1e-5)
        }
        let clean = ProfileFitter(base: base).fit(samples)
        let mixed = ProfileFitter(base: base).fit(samples + empty)
        #expect(mixed.samples == samples.count)
        #expect(mixed.classes == clean.classes)
    }

    @Test func classesWithTooFewSamplesKeepTheBase() {
        let few = Array(synthetic(overhead: 1e-5, compute: 0.5, memory: 0.5).prefix(3))
        let result = ProfileFitter(base: base).fit(few)
        #expect(result.classes.isEmpty)
        #expect(result.profile.opClasses == nil)
    }

    @Test func profileRoundTripsThroughAFile() throws {
        let fitted = ProfileFitter(base: base).fit(synthetic(overhead: 5e-6, compute: 0.7, memory: 0.3)).profile
        let path = TestScratch.file("profile", suffix: ".json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try fitted.save(path: path)
        let loaded = try DeviceProfile.load(path: path)
        #expect(loaded == fitted)
        #expect(try loaded.jsonData() == fitted.jsonData())
    }

    @Test func badProfileNamesTheMissingField() {
        let path = TestScratch.file("bad", suffix: ".json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try? #"{"name": "x"}"#.write(toFile: path, atomically: false, encoding: .utf8)
        do {
            _ = try DeviceProfile.load(path: path)
            Issue.record("a profile without fields must not load")
        } catch {
            #expect(error.description.contains("missing field"))
        }
    }

    @Test func parsesJSONLinesAndCSV() throws {
        let jsonl = """
            {"type":"op","kind":"conv2d","flops":1000,"bytesRead":10,"bytesWritten":20,"medianSeconds":0.001}
            {"type":"step","stepSeconds":0.5}
            # comment
            {"kind":"relu","flops":5,"bytes":40,"seconds":2e-6,"precision":"fp32"}
            """
        let a = try MeasurementFile.parse(jsonl, file: "m.jsonl")
        #expect(a.count == 2)
        #expect(a[0] == TimingSample(opClass: .convolution, kind: "conv2d", flops: 1000, bytes: 30, precision: .fp32,
                                     seconds: 0.001, line: 1))
        #expect(a[1].opClass == .elementwise && a[1].line == 4)
        let csv = "kind,flops,bytes,seconds\nlinear,200,64,1e-5\nbatch_norm,700,800,3e-5\n"
        let b = try MeasurementFile.parse(csv, file: "m.csv")
        #expect(b.map(\.opClass) == [.matmul, .normalization])
    }

    @Test func measurementErrorsNameFileLineAndField() {
        func error(_ text: String) -> String {
            do {
                _ = try MeasurementFile.parse(text, file: "m.jsonl")
                return "(no error)"
            } catch {
                return error.description
            }
        }
        #expect(error(#"{"kind":"warp","flops":1,"bytes":1,"seconds":1}"#)
            == "m.jsonl:1: field 'kind' = 'warp' is not an op kind gansim knows")
        #expect(error("{\"kind\":\"relu\",\"flops\":1,\"bytes\":1,\"seconds\":1}\n{\"kind\":\"relu\",\"flops\":-3,\"bytes\":1,\"seconds\":1}")
            == "m.jsonl:2: field 'flops' = '-3' must be a whole number from 0 to 2^53")
        #expect(error(#"{"kind":"relu","flops":1,"bytes":1,"seconds":0}"#)
            == "m.jsonl:1: field 'seconds' = '0' must be a positive number of seconds")
        #expect(error(#"{"kind":"relu","flops":1,"seconds":1}"#).contains("field 'bytesRead' is missing"))
        #expect(error("not json") == "m.jsonl: has no op records")  // a CSV header alone
        #expect(error("{oops") == "m.jsonl:1: field '(record)' is not a JSON object")
        #expect(error("kind,flops\nrelu,1,2") == "m.jsonl:2: field '(record)' has 3 cells but the header has 2")
        #expect(error("") == "m.jsonl: has no records")
        #expect(throws: CalibrationError.self) { try MeasurementFile.read(path: "/nonexistent/file.jsonl") }
    }

    /// Convolutions whose column matrix is 0.5x to 8x their own traffic, timed with known
    /// lowering parameters beside overhead, compute and memory efficiency; with a cost per
    /// segment, the same column bytes come in rows of 1, 4 or 32 elements (a DCGAN's 1x1
    /// output layer, its 4-pixel rows, a ResNet's 32).
    func lowered(lowering: Double, segmentSeconds: Double? = nil) -> [TimingSample] {
        let fitter = ProfileFitter(base: base)
        return (0..<36).map { i in
            let flops = Int(2e6 * pow(10, Double(i % 12) / 4))
            let bytes = i % 2 == 0 ? flops / 40 : flops / 4
            let column = Int(Double(bytes) * [0.5, 2, 8][i % 3])
            let segments = segmentSeconds == nil ? 0 : column / (4 * [1, 4, 32][(i / 3) % 3])
            var s = TimingSample(opClass: .convolution, kind: "conv2d", flops: flops, bytes: bytes, precision: .fp32,
                                 seconds: 1, threads: 1, columnBytes: column, columnSegments: segments)
            s.seconds = fitter.predict(s, overhead: 10e-6, compute: 0.7, memory: 0.5, lowering: lowering,
                                       segmentSeconds: segmentSeconds, serialMemory: true) * (1 + 0.01 * sin(Double(i)))
            return s
        }
    }

    @Test func fitRecoversAKnownLoweringEfficiency() throws {
        let fitter = ProfileFitter(base: base)
        let samples = lowered(lowering: 0.15)
        let result = fitter.fit(samples)
        let fit = try #require(result.classes.first)
        let lowering = try #require(fit.loweringEfficiency)
        #expect(isClose(lowering, 0.15, relative: 0.05))
        #expect(fit.loweringSecondsPerSegment == nil)  // no segments counted, none fitted
        #expect(isClose(fit.computeEfficiency, 0.7, relative: 0.05))
        #expect(fit.rSquared > 0.99)
        // The fitted profile prices a convolution with its layout conversions added.
        let device = result.profile.restricted(toThreads: 1)
        let gemm = GemmShape(m: 64, n: 4096, k: 576)
        let cost = PassCost(flops: 2 * 64 * 4096 * 576, bytesRead: 4 * (4096 * 64 + 64 * 576), bytesWritten: 0)
        let params = device.parameters(for: .convolution)
        let withColumn = try #require(CPUTrainerPricing(device: device)).seconds(cost, gemm: gemm, precision: .fp32, opClass: .convolution)
        var unlowered = device
        unlowered.opClasses?[.convolution]?.loweringEfficiency = nil
        let without = try #require(CPUTrainerPricing(device: unlowered)).seconds(cost, gemm: gemm, precision: .fp32, opClass: .convolution)
        #expect(without == RooflineModel(device: device).seconds(cost, gemm: gemm, precision: .fp32, opClass: .convolution))
        #expect(isClose(withColumn - without, params.loweringSeconds(columnBytes: 2 * cost.bytes,
                                                                   bandwidth: device.memoryBandwidth), absolute: 1e-12))
    }

    @Test func fitRecoversAKnownSegmentCost() throws {
        let fitter = ProfileFitter(base: base)
        let samples = lowered(lowering: 0.4, segmentSeconds: 6e-9)
        let result = fitter.fit(samples)
        let fit = try #require(result.classes.first)
        let perSegment = try #require(fit.loweringSecondsPerSegment)
        #expect(isClose(perSegment, 6e-9, relative: 0.05))
        let lowering = try #require(fit.loweringEfficiency)
        #expect(isClose(lowering, 0.4, relative: 0.05))
        #expect(fit.residualSpread < 0.02)
        // The trainer's layout conversions run whole tensors: its passes are priced with no segment term.
        let device = result.profile.restricted(toThreads: 1)
        let pricing = try #require(CPUTrainerPricing(device: device))
        let gemm = GemmShape(m: 64, n: 8 * 16, k: 576)
        let cost = PassCost(flops: 2 * 64 * 128 * 576, bytesRead: 4 * 64 * 576, bytesWritten: 4 * 64 * 128)
        let params = device.parameters(for: .convolution)
        let base = RooflineModel(device: device).seconds(cost, gemm: gemm, precision: .fp32, opClass: .convolution)
        #expect(isClose(pricing.seconds(cost, gemm: gemm, precision: .fp32, opClass: .convolution),
                        base + params.loweringSeconds(columnBytes: 2 * cost.bytes, bandwidth: device.memoryBandwidth),
                        relative: 1e-12))
    }

    @Test func conversionBytesFollowTheCPUTrainersLayouts() {
        // Every byte a convolution pass reads or writes is converted once: read in one layout, written in the other.
        let pass = PassCost(flops: 1000, bytesRead: 300, bytesWritten: 200)
        #expect(ConvolutionLayout.conversionBytes(.convolution, cost: pass) == 1000)
        #expect(ConvolutionLayout.conversionBytes(.transposedConvolution, cost: pass) == 1000)
        #expect(ConvolutionLayout.conversionBytes(.matmul, cost: pass) == 0)
        #expect(ConvolutionLayout.conversionBytes(.normalization, cost: pass) == 0)
    }

    @Test func anImageReadPlainIsNotConverted() {
        let c = ConvConfig(inChannels: 3, outChannels: 16, kernel: 4, stride: 2, padding: 1, bias: false)
        let first = Op(id: 1, name: "c", kind: .conv2d(c), inputs: [0], inputShapes: [.image(3, 32, 32)],
                       outputShape: .image(16, 16, 16), block: "b", resolution: 16)
        let t = ConvConfig(inChannels: 16, outChannels: 3, kernel: 4, stride: 2, padding: 1, bias: false)
        let last = Op(id: 2, name: "t", kind: .convTranspose2d(t), inputs: [0], inputShapes: [.image(16, 16, 16)],
                      outputShape: .image(3, 32, 32), block: "b", resolution: 32)
        // 8 samples of a 3x32x32 image: 98,304 bytes, which oneDNN's first-layer kernels read plain.
        let image = 4 * 8 * 3 * 32 * 32
        let pass = PassCost(flops: 1000, bytesRead: 200_000, bytesWritten: 100_000)
        func bytes(_ op: Op, _ kind: PassKind, block: Int = 16) -> Int {
            ConvolutionLayout.conversionBytes(of: op, pass: kind, cost: pass, batch: 8, block: block)
        }
        // D's first layer: its forward and weight gradient read the image plain; its input gradient writes it blocked.
        #expect(bytes(first, .forward) == 600_000 - 2 * image)
        #expect(bytes(first, .backwardWeight) == 600_000 - 2 * image)
        #expect(bytes(first, .backwardInput) == 600_000)
        // G's last layer: writing the image is converted; its gradients read the image's gradient plain.
        #expect(bytes(last, .forward) == 600_000)
        #expect(bytes(last, .backwardInput) == 600_000 - 2 * image)
        #expect(bytes(last, .backwardWeight) == 600_000 - 2 * image)
        // With 2-channel blocks the 3-channel image is blocked too, and every other op converts nothing.
        #expect(bytes(first, .forward, block: 2) == 600_000)
        let linear = Op(id: 3, name: "l", kind: .linear(LinearConfig(inFeatures: 3, outFeatures: 1, bias: false)),
                        inputs: [0], inputShapes: [.vector(3)], outputShape: .vector(1), block: "b", resolution: 0)
        #expect(bytes(linear, .forward) == 0)
    }

    @Test func executedFlopsPadChannelsToOneDNNsBlocks() {
        func conv(_ ci: Int, _ co: Int, transposed: Bool = false) -> Op {
            let c = ConvConfig(inChannels: ci, outChannels: co, kernel: 4, stride: 2, padding: 1, bias: false)
            return transposed
                ? Op(id: 1, name: "t", kind: .convTranspose2d(c), inputs: [0], inputShapes: [.image(ci, 8, 8)],
                     outputShape: .image(co, 16, 16), block: "b", resolution: 16)
                : Op(id: 1, name: "c", kind: .conv2d(c), inputs: [0], inputShapes: [.image(ci, 16, 16)],
                     outputShape: .image(co, 8, 8), block: "b", resolution: 8)
        }
        // Whole blocks: nothing added.
        #expect(ConvolutionLayout.executedFlops(of: conv(64, 128), pass: .forward, flops: 1000, block: 16) == 1000)
        // D's last layer: 1 output channel computed as 16.
        #expect(ConvolutionLayout.executedFlops(of: conv(128, 1), pass: .forward, flops: 1000, block: 16) == 16_000)
        // D's first layer: the 3-channel image is read plain forward and for the weight gradient, padded to 16 for
        // its own gradient.
        #expect(ConvolutionLayout.executedFlops(of: conv(3, 64), pass: .forward, flops: 300, block: 16) == 300)
        #expect(ConvolutionLayout.executedFlops(of: conv(3, 64), pass: .backwardWeight, flops: 300, block: 16) == 300)
        #expect(ConvolutionLayout.executedFlops(of: conv(3, 64), pass: .backwardInput, flops: 300, block: 16) == 1600)
        // 24 channels are 32: 24 -> 24 runs 32 x 32.
        #expect(ConvolutionLayout.executedFlops(of: conv(24, 24), pass: .backwardWeight, flops: 576, block: 16) == 1024)
        // G's last layer (64 -> 3): writing the image is the padded pass, its input gradient reads it plain.
        #expect(ConvolutionLayout.executedFlops(of: conv(64, 3, transposed: true), pass: .forward, flops: 300, block: 16) == 1600)
        #expect(ConvolutionLayout.executedFlops(of: conv(64, 3, transposed: true), pass: .backwardInput, flops: 300, block: 16) == 300)
        // On AVX2 the block is 8: 3 channels run as 8, 24 as 24.
        #expect(ConvolutionLayout.executedFlops(of: conv(3, 64), pass: .backwardInput, flops: 300, block: 8) == 800)
        #expect(ConvolutionLayout.executedFlops(of: conv(24, 24), pass: .backwardWeight, flops: 576, block: 8) == 576)
        // Other ops are unchanged.
        let linear = Op(id: 2, name: "l", kind: .linear(LinearConfig(inFeatures: 3, outFeatures: 1, bias: false)),
                        inputs: [0], inputShapes: [.vector(3)], outputShape: .vector(1), block: "b", resolution: 0)
        #expect(ConvolutionLayout.executedFlops(of: linear, pass: .forward, flops: 6, block: 16) == 6)
    }

    @Test func catalogProfilesPriceAsBefore() {
        // No lowering parameter and no split-class fits: every class prices with the
        // device-wide overhead and efficiency curves, as before the split.
        let a100 = DeviceCatalog.a100_80gb
        let roofline = RooflineModel(device: a100)
        let gemm = GemmShape(m: 256, n: 8192, k: 1152)
        let cost = PassCost(flops: 2 * 256 * 8192 * 1152, bytesRead: 40 << 20, bytesWritten: 8 << 20)
        for opClass in [OpClass.convolution, .transposedConvolution] {
            for pass in [PassKind.forward, .backwardInput, .backwardWeight] {
                #expect(roofline.seconds(cost, gemm: gemm, precision: .fp32, opClass: opClass, pass: pass)
                    == roofline.seconds(cost, gemm: gemm, precision: .fp32, opClass: .matmul, pass: pass))
            }
        }
        let pointwise = PassCost(flops: 1 << 20, bytesRead: 8 << 20, bytesWritten: 4 << 20)
        for opClass in [OpClass.transcendental, .resampling] {
            #expect(roofline.seconds(pointwise, gemm: nil, precision: .fp32, opClass: opClass)
                == roofline.seconds(pointwise, gemm: nil, precision: .fp32, opClass: .elementwise))
        }
    }

    @Test func splitClassesFallBackAndTranscendentalBackwardIsElementwise() throws {
        var samples = synthetic(overhead: 2e-6, compute: 0.5, memory: 0.3, opClass: .elementwise)
        // Two tanh samples: too few for a fit of their own.
        samples += samples.prefix(2).map { var s = $0; s.opClass = .transcendental; s.kind = "tanh"; return s }
        let fitted = ProfileFitter(base: base).fit(samples).profile
        #expect(fitted.parameters(for: .transcendental) == fitted.parameters(for: .elementwise))
        #expect(fitted.parameters(for: .resampling) == fitted.parameters(for: .elementwise))
        #expect(fitted.parameters(for: .transposedConvolution) == base.parameters(for: .transposedConvolution))
        let records = """
            {"kind":"tanh","pass":"forward","flops":10,"bytes":80,"seconds":1e-5}
            {"kind":"tanh","pass":"backward","flops":3,"bytes":120,"seconds":1e-6}
            {"kind":"conv_transpose2d","flops":1000,"bytes":10,"columnBytes":400,"columnSegments":25,"seconds":4e-3,"callsPerIteration":2}
            """
        let parsed = try MeasurementFile.parse(records, file: "m.jsonl")
        #expect(parsed.map(\.opClass) == [.transcendental, .elementwise, .transposedConvolution])
        #expect(parsed[2].columnBytes == 400 && parsed[2].columnSegments == 25 && parsed[2].seconds == 2e-3)
        #expect(throws: CalibrationError.self) {
            try MeasurementFile.parse(#"{"kind":"conv2d","flops":1,"bytes":1,"seconds":1,"columnSegments":-2}"#,
                                      file: "m.jsonl")
        }
        #expect(throws: CalibrationError.self) {
            try MeasurementFile.parse(#"{"kind":"relu","flops":1,"bytes":1,"seconds":1,"callsPerIteration":0}"#,
                                      file: "m.jsonl")
        }
    }

    @Test func cpuGEMMsPayMemoryOnTopOfComputeAcceleratorsOverlapThem() throws {
        #expect(ProfileFitter.packsOperands(.matmul, on: .cpu) && ProfileFitter.packsOperands(.convolution, on: .cpu))
        #expect(!ProfileFitter.packsOperands(.elementwise, on: .cpu) && !ProfileFitter.packsOperands(.matmul, on: .gpu))
        let fitted = ProfileFitter(base: base).fit(synthetic(overhead: 5e-6, compute: 0.6, memory: 0.3)).profile
        let params = try #require(fitted.opClasses?[.convolution])
        #expect(params.serialMemory == true)
        let device = fitted.restricted(toThreads: 2)
        let cost = PassCost(flops: 100_000_000, bytesRead: 10_000_000, bytesWritten: 0)
        let c = 1e8 / (device.matrixPeak(.fp32)! * params.computeEfficiency.maxEfficiency)
        let m = 1e7 / (device.memoryBandwidth * params.memoryEfficiency.maxEfficiency)
        let t = RooflineModel(device: device).seconds(cost, gemm: GemmShape(m: 100, n: 1000, k: 500), precision: .fp32,
                                                      opClass: .convolution)
        #expect(isClose(t, params.launchOverheadSeconds + c + m, absolute: 1e-12))
    }

    @Test func cpuFitsMatchTheMeasuredTotalOthersKeepTheLogFit() throws {
        #expect(ProfileFitter(base: base).matchTotals)
        #expect(!ProfileFitter(base: DeviceCatalog.h100).matchTotals)
        // Two kinds of op in one class, 4x apart in rate: the log fit splits the difference,
        // the matched fit's total equals the measured total.
        var samples: [TimingSample] = []
        for i in 0..<20 {
            let bytes = 1_000_000 * (1 + i % 5)
            let slow = i % 4 == 0
            samples.append(TimingSample(opClass: .elementwise, kind: "relu", flops: bytes / 8, bytes: bytes,
                                        precision: .fp32, seconds: Double(bytes) / (slow ? 2e9 : 8e9), threads: 1))
        }
        let fitter = ProfileFitter(base: base)
        let fit = try #require(fitter.fit(samples).profile.opClassesByThreads?[1]?[.elementwise])
        let predicted = samples.reduce(0) {
            $0 + fitter.predict($1, overhead: fit.launchOverheadSeconds,
                                compute: fit.computeEfficiency.maxEfficiency, memory: fit.memoryEfficiency.maxEfficiency)
        }
        let measured = samples.reduce(0) { $0 + $1.seconds }
        #expect(isClose(predicted, measured, relative: 1e-6))
    }
}

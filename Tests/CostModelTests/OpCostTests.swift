import CostModel
import Workload
import Testing

/// FLOPs, bytes and parameters of single ops against hand-computed values.
@Suite struct OpCostTests {
    /// A one-op graph on an input of `shape`.
    func op(_ kind: OpKind, input shape: TensorShape) throws -> Op {
        var b = GraphBuilder(name: "T")
        let x = b.input("x", shape)
        try b.add(kind, [x], name: "op")
        return b.build().ops[1]
    }

    @Test func conv2dCountsAMultiplyAddAsTwoFLOPs() throws {
        // 3x3 conv, 16 -> 32 channels, 8x8 input, padding 1: output 32x8x8.
        let o = try op(.conv2d(ConvConfig(inChannels: 16, outChannels: 32, kernel: 3, padding: 1, bias: true)),
                       input: .image(16, 8, 8))
        #expect(o.outputShape == .image(32, 8, 8))
        #expect(o.parameterCount == 32 * 16 * 9 + 32)
        let c = o.cost(batch: 4, precision: .fp32)
        let mac = 32 * 64 * 16 * 9  // per sample
        #expect(c.forward.flops == 4 * (2 * mac + 32 * 64))
        #expect(c.backwardInput.flops == 4 * 2 * mac)
        #expect(c.backwardWeight.flops == 4 * (2 * mac + 32 * 64))
        // Reads the input and the weights, writes the output, 4 bytes each.
        #expect(c.forward.bytesRead == (4 * 16 * 64 + o.parameterCount) * 4)
        #expect(c.forward.bytesWritten == 4 * 32 * 64 * 4)
        #expect(c.gemm == GemmShape(m: 32, n: 4 * 64, k: 16 * 9))
    }

    @Test func stridedConvShapes() throws {
        let o = try op(.conv2d(ConvConfig(inChannels: 3, outChannels: 64, kernel: 4, stride: 2, padding: 1)),
                       input: .image(3, 64, 64))
        #expect(o.outputShape == .image(64, 32, 32))
    }

    @Test func convTransposeScattersEveryInputPixel() throws {
        // DCGAN's first layer: 100x1x1 -> 512x4x4, kernel 4, no bias.
        let o = try op(.convTranspose2d(ConvConfig(inChannels: 100, outChannels: 512, kernel: 4, bias: false)),
                       input: .image(100, 1, 1))
        #expect(o.outputShape == .image(512, 4, 4))
        #expect(o.parameterCount == 100 * 512 * 16)
        #expect(o.cost(batch: 1, precision: .fp32).forward.flops == 2 * 100 * 512 * 16)
    }

    @Test func halfPrecisionHalvesActivationBytes() throws {
        let o = try op(.activation(.relu), input: .image(8, 4, 4))
        let full = o.cost(batch: 2, precision: .fp32), half = o.cost(batch: 2, precision: .bf16)
        #expect(full.forward.bytes == 2 * half.forward.bytes)
        #expect(full.forward.flops == 2 * 128)
    }

    @Test func linearAndSpectralNorm() throws {
        let plain = try op(.linear(LinearConfig(inFeatures: 10, outFeatures: 20)), input: .vector(10))
        let sn = try op(.linear(LinearConfig(inFeatures: 10, outFeatures: 20, spectralNorm: true)), input: .vector(10))
        #expect(plain.parameterCount == 220)
        #expect(sn.parameterCount == 220)  // u is a buffer, not a parameter
        let p = plain.cost(batch: 3, precision: .fp32), s = sn.cost(batch: 3, precision: .fp32)
        #expect(p.forward.flops == 3 * (2 * 200 + 20))
        // One power iteration: 5 FLOPs per weight element + 4 per row and column, batch-independent.
        #expect(s.forward.flops - p.forward.flops == 5 * 200 + 4 * 30)
        #expect(sn.cost(batch: 6, precision: .fp32).forward.flops - 2 * p.forward.flops == 5 * 200 + 4 * 30)
    }

    @Test func selfAttentionParametersMatchBigGAN() throws {
        // theta, phi: C -> C/8; g: C -> C/2; o: C/2 -> C; gamma: 1 (BigGAN-PyTorch layers.Attention).
        let o = try op(.selfAttention(channels: 192, spectralNorm: true), input: .image(192, 64, 64))
        #expect(o.parameterCount == 2 * 192 * 24 + 2 * 192 * 96 + 1)
        #expect(o.outputShape == .image(192, 64, 64))
    }

    @Test func conditionalBatchNormParameters() throws {
        var b = GraphBuilder(name: "T")
        let x = b.input("x", .image(64, 8, 8))
        let y = b.input("y", .vector(148))
        let v = try b.add(.conditionalBatchNorm(channels: 64, conditionFeatures: 148, spectralNorm: true), [x, y],
                          name: "ccbn")
        #expect(b.build().ops[v.id].parameterCount == 2 * 148 * 64)
    }

    @Test func modulatedConvParametersMatchSynthesisLayer() throws {
        var b = GraphBuilder(name: "T")
        let x = b.input("x", .image(512, 4, 4))
        let w = b.input("w", .vector(512))
        let v = try b.add(.modulatedConv2d(ModulatedConvConfig(inChannels: 512, outChannels: 256, kernel: 3,
                                                               wDim: 512, demodulate: true, up: 2)), [x, w], name: "c")
        let o = b.build().ops[v.id]
        // affine (512*512 + 512) + weight 256*512*9 + bias 256 (stylegan2-ada-pytorch SynthesisLayer).
        #expect(o.parameterCount == 512 * 512 + 512 + 256 * 512 * 9 + 256)
        #expect(o.outputShape == .image(256, 8, 8))
    }

    @Test func minibatchStdDevAddsAChannel() throws {
        let o = try op(.minibatchStdDev(groupSize: 4, statChannels: 1), input: .image(512, 4, 4))
        #expect(o.outputShape == .image(513, 4, 4))
        #expect(o.parameterCount == 0)
    }

    @Test func shapeMismatchNamesTheOp() throws {
        var b = GraphBuilder(name: "G")
        let x = b.input("x", .image(3, 8, 8))
        #expect(throws: GraphError.self) {
            try b.add(.conv2d(ConvConfig(inChannels: 4, outChannels: 8, kernel: 3)), [x], name: "conv")
        }
        do {
            try b.add(.conv2d(ConvConfig(inChannels: 4, outChannels: 8, kernel: 3)), [x], name: "conv")
        } catch {
            #expect(error.description.contains("G.conv"))
            #expect(error.description.contains("expects 4 input channels"))
        }
    }

    @Test func savedActivationsCountSharedTensorsOnce() throws {
        // conv -> relu -> conv: relu saves its output, the second conv saves its input (the same tensor).
        var b = GraphBuilder(name: "T")
        let x = b.input("x", .image(2, 4, 4))
        let c1 = try b.conv(x, 2, kernel: 3, padding: 1, name: "c1")
        let r = try b.activation(c1, .relu, name: "r")
        _ = try b.conv(r, 2, kernel: 3, padding: 1, name: "c2")
        let g = b.build()
        // Saved: x (by c1) is a graph input and not counted; relu output counted once.
        #expect(g.savedActivationBytes(batch: 5, precision: { _ in .fp32 }) == 5 * 32 * 4)
    }
}

import CostModel
import Testing
import Workload

/// The caching allocator's reserve (`torch.cuda.memory_reserved`) beside the live tensors and the process total.
@Suite struct AllocatorReserveTests {
    static let mib = 1 << 20

    @Test func requestsRoundToBlocksAndSegmentsByPool() {
        #expect(CachingAllocator.roundedRequest(1) == 512)
        #expect(CachingAllocator.roundedRequest(512) == 512)
        #expect(CachingAllocator.roundedRequest(513) == 1024)
        #expect(CachingAllocator.roundedRequest(4 * 512 * 512) == 4 * 512 * 512)
        // Up to 1 MiB: the small pool's 2 MiB segments.
        #expect(CachingAllocator.segmentBytes(forRequest: 512) == 2 * Self.mib)
        #expect(CachingAllocator.segmentBytes(forRequest: Self.mib) == 2 * Self.mib)
        // Above 1 MiB and below 10 MiB: 20 MiB segments.
        #expect(CachingAllocator.segmentBytes(forRequest: Self.mib + 512) == 20 * Self.mib)
        #expect(CachingAllocator.segmentBytes(forRequest: 10 * Self.mib - 512) == 20 * Self.mib)
        // From 10 MiB: the request rounded up to 2 MiB.
        #expect(CachingAllocator.segmentBytes(forRequest: 10 * Self.mib) == 10 * Self.mib)
        #expect(CachingAllocator.segmentBytes(forRequest: 10 * Self.mib + 512) == 12 * Self.mib)
        #expect(CachingAllocator.segmentBytes(forRequest: 37 * Self.mib) == 38 * Self.mib)
    }

    @Test func segmentsArePackedBestFitAndNeverReturned() {
        // Four 512 KiB tensors share one small segment; a fifth opens another.
        #expect(CachingAllocator.reservedBytes(Array(repeating: 512 << 10, count: 4)) == 2 * Self.mib)
        #expect(CachingAllocator.reservedBytes(Array(repeating: 512 << 10, count: 5)) == 4 * Self.mib)
        // 1 B and 100 B take 512 B each: one small segment.
        var small = CachingAllocator()
        small.allocate(1)
        small.allocate(100)
        small.allocate(0)
        #expect(small.allocatedBytes == 1024 && small.reservedBytes == 2 * Self.mib)
        // Three 6 MiB tensors in one 20 MiB segment (the 2 MiB left is kept, being over 1 MiB); a fourth opens one more.
        #expect(CachingAllocator.reservedBytes(Array(repeating: 6 * Self.mib, count: 3)) == 20 * Self.mib)
        #expect(CachingAllocator.reservedBytes(Array(repeating: 6 * Self.mib, count: 4)) == 40 * Self.mib)
        // A large request reuses the remainder of a 20 MiB segment that holds it: 5 MiB leaves 15 MiB for 14 MiB.
        #expect(CachingAllocator.reservedBytes([5 * Self.mib, 14 * Self.mib]) == 20 * Self.mib)
        // A large-pool remainder of 1 MiB or less is not split off: it stays with the request.
        var kept = CachingAllocator()
        kept.allocate(17 * Self.mib)     // an 18 MiB segment of its own, 1 MiB over
        #expect(kept.reservedBytes == 18 * Self.mib && kept.allocatedBytes == 18 * Self.mib)
        // Best fit: a request takes the smallest free block that holds it.
        var best = CachingAllocator()
        best.allocate(9 * Self.mib)      // a 20 MiB segment: 11 MiB free
        best.allocate(12 * Self.mib)     // does not fit in 11: a 12 MiB segment
        best.allocate(9 * Self.mib)      // the 11 MiB block: 2 MiB free
        best.allocate(9 * Self.mib)      // a second 20 MiB segment: 2 and 11 MiB free
        #expect(best.reservedBytes == 52 * Self.mib)
        best.allocate(2 * Self.mib)      // the 2 MiB block, not the 11 MiB one
        best.allocate(11 * Self.mib)     // so 11 MiB still fits
        #expect(best.reservedBytes == 52 * Self.mib && best.allocatedBytes == 52 * Self.mib)
        best.allocate(512)               // the small pool has its own segments
        #expect(best.reservedBytes == 54 * Self.mib)
    }

    @Test func parameterTensorsAreTheParametersOneByOne() throws {
        for architecture in Architecture.allCases {
            for resolution in architecture.supportedResolutions {
                let model = try ModelConfig(architecture: architecture, resolution: resolution == 0 ? nil : resolution).build()
                for graph in [model.generator, model.discriminator] {
                    for op in graph.ops {
                        #expect(op.parameterTensorElements.count == op.parameterTensorCount, "\(architecture) \(op.name)")
                        #expect(op.parameterTensorElements.reduce(0, +) == op.parameterCount, "\(architecture) \(op.name)")
                    }
                    // The saved activations one allocation each, summing to the model's figure.
                    let tensors = graph.savedActivationTensorBytes(batch: 3, precision: { _ in .fp16 })
                    #expect(!tensors.contains(0))
                    #expect(tensors.reduce(0, +) == graph.savedActivationBytes(batch: 3, precision: { _ in .fp16 }))
                }
            }
        }
    }

    @Test func reservedHoldsTheLiveTensorsAndTheProcessAddsTheContext() throws {
        for architecture in Architecture.allCases {
            let resolution = architecture.supportedResolutions.first ?? 0
            let model = try ModelConfig(architecture: architecture, resolution: resolution == 0 ? nil : resolution).build()
            for device in [DeviceCatalog.v100_32gb, DeviceCatalog.a100_80gb, DeviceCatalog.h100] {
                for (batch, precision) in [(1, Precision.fp32), (4, .fp16), (16, .fp32)] where device.matrixPeak(precision) != nil {
                    let recipe = TrainingRecipe.official(for: architecture, batchPerDevice: batch, precision: precision)
                    let m = MemoryModel(model: model, recipe: recipe, device: device).breakdown()
                    let label = "\(architecture) \(device.name) b\(batch) \(precision)"
                    #expect(m.reservedBytes >= m.liveTensorBytes, "\(label)")
                    #expect(m.allocatorCacheBytes > 0, "\(label)")
                    #expect(m.totalBytes == m.reservedBytes + m.runtimeBytes, "\(label)")
                    #expect(m.totalBytes == m.parts.reduce(0) { $0 + $1.bytes }, "\(label)")
                    // Rounding costs less than a segment per allocation: far less than the tensors themselves here.
                    #expect(m.allocatorCacheBytes < m.liveTensorBytes, "\(label)")
                }
            }
        }
        // No caching allocator on TPUs and the CPU trainer: they reserve exactly their live tensors.
        let dcgan = try ModelConfig(architecture: .dcgan, resolution: 64).build()
        for device in [DeviceCatalog.tpuV3, DeviceCatalog.developmentVM] {
            let m = MemoryModel(model: dcgan, recipe: TrainingRecipe(batchPerDevice: 8), device: device).breakdown()
            #expect(m.allocatorCacheBytes == 0 && m.reservedBytes == m.liveTensorBytes, "\(device.name)")
        }
    }

    @Test func styleGAN2At1024PxOnAV100ReservesAPinnedAmount() throws {
        // The published table's StyleGAN2-1024 configuration: 4 images per V100, fp16 in the 4 highest resolutions.
        let model = try ModelConfig(architecture: .stylegan2, resolution: 1024, preset: "auto").build()
        let recipe = TrainingRecipe.official(for: .stylegan2, batchPerDevice: 4, precision: .fp16)
        let m = MemoryModel(model: model, recipe: recipe, device: DeviceCatalog.v100_32gb).breakdown()
        #expect(m.liveTensorBytes == 9_731_181_402)
        #expect(m.reservedBytes == 9_869_197_312)
        #expect(m.totalBytes == m.reservedBytes + DeviceCatalog.v100_32gb.runtimeOverheadBytes)
    }
}

import CMalloc

/// Keeps the memory the trainer frees inside the process, so that no op pays the
/// kernel's page faults for buffers another op released.
///
/// By default glibc serves large blocks with fresh `mmap`s (above a threshold that
/// adapts between 128 KiB and 32 MiB) and returns the free top of its heap to the kernel
/// (`M_TRIM_THRESHOLD`). A tensor allocated in one iteration and freed at its end was
/// then faulted in page by page, zeroed by the kernel, inside whichever kernel first
/// wrote it, so that op times, and the fits made from them, varied several-fold
/// (docs/cpu-trainer-measurements.md). Framework allocators (PyTorch's CUDA caching
/// allocator, for one) cache freed blocks for the same reason.
///
/// The peak resident memory is a high-water mark either way; with retention the
/// process just does not give it back before it exits.
enum HeapRetention {
    /// Blocks up to this size come from the heap (glibc's largest allowed threshold,
    /// `HEAP_MAX_SIZE / 2` on 64-bit targets, glibc `malloc/malloc.c`).
    static let mmapThresholdBytes: Int32 = 32 << 20

    /// Turns retention on for the process (idempotent).
    static func enable() {
        _ = mallopt(M_MMAP_THRESHOLD, mmapThresholdBytes)
        _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
    }
}

import CMPI

/// Sums a float buffer in place across every rank with a ring over MPI point-to-point
/// messages: `N-1` reduce-scatter steps, then `N-1` all-gather steps.
///
/// The buffer is cut into `N` chunks (chunk `i` is elements `count*i/N ..< count*(i+1)/N`).
/// In reduce-scatter step `s` rank `r` sends chunk `(r-s) mod N` to rank `r+1` and adds
/// chunk `(r-s-1) mod N` received from rank `r-1`; afterwards it holds the complete sum
/// of chunk `(r+1) mod N`. In all-gather step `s` it forwards chunk `(r+1-s) mod N` and
/// receives chunk `(r-s) mod N` in place. Each step moves `count/N` floats per rank,
/// which is the schedule the simulator's `ring` collective prices
/// (`2 (N-1)` transfers of `bytes/N`).
///
/// Every rank ends with bit-identical sums: each chunk is summed once, on one rank, and
/// copied to the others. The reduction is non-blocking: `poll()` posts the next step as
/// soon as the current one's messages have completed.
final class RingAllReduce: PendingReduction {
    /// Tag of step 0; step `s` uses `baseTag + s`.
    static let baseTag: Int32 = 1000

    private let buffer: UnsafeMutablePointer<Float>
    private let count: Int
    private let world: MPIWorld
    private let scratch: UnsafeMutablePointer<Float>
    private var step = 0
    private var requests: [MPI_Request?] = [nil, nil]

    /// Floats of scratch space a ring over `ranks` needs for `count` floats (one chunk).
    static func scratchCount(count: Int, ranks: Int) -> Int { (count + ranks - 1) / max(ranks, 1) }

    /// Posts the first step.
    init(_ buffer: UnsafeMutablePointer<Float>, count: Int, world: MPIWorld, scratch: UnsafeMutablePointer<Float>)
        throws(MPIError)
    {
        self.buffer = buffer
        self.count = count
        self.world = world
        self.scratch = scratch
        if !isDone { try post() }
    }

    private var steps: Int { world.size > 1 && count > 0 ? 2 * (world.size - 1) : 0 }
    private var isDone: Bool { step >= steps }

    /// Elements of chunk `i` (any integer, taken mod N).
    private func chunk(_ i: Int) -> Range<Int> {
        let n = world.size
        let k = ((i % n) + n) % n
        return count * k / n ..< count * (k + 1) / n
    }

    /// The chunks step `step` sends and receives.
    private var exchange: (send: Range<Int>, receive: Range<Int>) {
        let r = world.rank, n = world.size
        if step < n - 1 { return (chunk(r - step), chunk(r - step - 1)) }
        let s = step - (n - 1)
        return (chunk(r + 1 - s), chunk(r - s))
    }

    private func post() throws(MPIError) {
        let n = world.size
        let (send, receive) = exchange
        let right = Int32((world.rank + 1) % n), left = Int32((world.rank + n - 1) % n)
        let tag = Self.baseTag + Int32(step)
        let target = step < n - 1 ? scratch : buffer + receive.lowerBound
        try MPIWorld.check(MPI_Irecv(target, Int32(receive.count), gansim_mpi_float(), left, tag, gansim_mpi_comm_world(),
                                     &requests[0]), "MPI_Irecv (ring step \(step))")
        try MPIWorld.check(MPI_Isend(buffer + send.lowerBound, Int32(send.count), gansim_mpi_float(), right, tag,
                                     gansim_mpi_comm_world(), &requests[1]), "MPI_Isend (ring step \(step))")
    }

    func poll() throws(MPIError) -> Bool {
        while !isDone {
            guard try world.testAll(&requests, operation: "ring all-reduce step \(step)") else { return false }
            if step < world.size - 1 {
                let receive = exchange.receive
                let target = buffer + receive.lowerBound
                for i in 0..<receive.count { target[i] += scratch[i] }
            }
            step += 1
            if !isDone { try post() }
        }
        return true
    }
}

/// A collective as a dependency graph of point-to-point transfers between participant slots.
///
/// Transfer ids are topologically ordered: a transfer depends only on transfers with
/// smaller ids. A transfer whose source equals its destination is a local join: it takes
/// no time and exists to gather dependencies. Sizes are in bytes.
public struct CollectiveSchedule: Sendable {
    /// Number of participant slots (devices); transfers name slots, not topology vertices.
    public let participantCount: Int
    /// Index into `pairs` of each transfer.
    public private(set) var transferPair: [Int32] = []
    /// Bytes of each transfer.
    public private(set) var transferBytes: [Double] = []
    /// Number of transfers each transfer waits for.
    public private(set) var dependencyCount: [Int32] = []
    /// Start of each transfer's successors in `successors` (built by `finish()`), plus an end marker.
    public private(set) var successorStart: [Int32] = []
    /// Successor transfer ids, grouped by predecessor.
    public private(set) var successors: [Int32] = []
    /// Distinct (source slot, destination slot) pairs.
    public private(set) var pairs: [SlotPair] = []

    private var pairIndex: [Int: Int32] = [:]
    private var edgeFrom: [Int32] = []
    private var edgeTo: [Int32] = []

    /// A (source slot, destination slot) pair.
    public struct SlotPair: Sendable, Equatable {
        /// Sending slot.
        public var source: Int32
        /// Receiving slot.
        public var destination: Int32
    }

    /// Creates an empty schedule over `participantCount` slots.
    public init(participantCount: Int) {
        self.participantCount = participantCount
    }

    /// Number of transfers.
    public var transferCount: Int { transferBytes.count }

    /// Total bytes moved between distinct slots.
    public var totalBytes: Double {
        var sum = 0.0
        for t in 0..<transferCount where pairs[Int(transferPair[t])].source != pairs[Int(transferPair[t])].destination {
            sum += transferBytes[t]
        }
        return sum
    }

    /// The pair id of (source slot, destination slot), registering the pair on first use.
    public mutating func pair(from source: Int, to destination: Int) -> Int32 {
        let key = source * participantCount + destination
        if let known = pairIndex[key] { return known }
        let pair = Int32(pairs.count)
        pairs.append(SlotPair(source: Int32(source), destination: Int32(destination)))
        pairIndex[key] = pair
        return pair
    }

    /// Appends a transfer from slot `source` to slot `destination` after up to two earlier transfers (-1: none).
    @discardableResult
    public mutating func add(from source: Int, to destination: Int, bytes: Double, after first: Int = -1, _ second: Int = -1) -> Int {
        add(pair: pair(from: source, to: destination), bytes: bytes, after: first, second)
    }

    /// Appends a transfer over a known pair id after up to two earlier transfers (-1: none).
    @discardableResult
    public mutating func add(pair: Int32, bytes: Double, after first: Int = -1, _ second: Int = -1) -> Int {
        let id = transferBytes.count
        transferPair.append(pair)
        transferBytes.append(bytes)
        dependencyCount.append(0)
        if first >= 0 { addDependency(first, before: id) }
        if second >= 0 { addDependency(second, before: id) }
        return id
    }

    /// Appends a local join at `slot` that completes when all of `dependencies` have.
    @discardableResult
    public mutating func join(at slot: Int, after dependencies: [Int]) -> Int {
        let id = add(from: slot, to: slot, bytes: 0)
        for dependency in dependencies { addDependency(dependency, before: id) }
        return id
    }

    /// Makes `transfer` wait for `dependency` (which must have a smaller id).
    public mutating func addDependency(_ dependency: Int, before transfer: Int) {
        precondition(dependency < transfer, "dependencies must point backwards")
        edgeFrom.append(Int32(dependency))
        edgeTo.append(Int32(transfer))
        dependencyCount[transfer] += 1
    }

    /// Builds the successor lists; call once after the last `add`.
    public mutating func finish() {
        var start = Array(repeating: Int32(0), count: transferCount + 1)
        for from in edgeFrom { start[Int(from) + 1] += 1 }
        for index in 0..<transferCount { start[index + 1] += start[index] }
        var fill = start
        var list = Array(repeating: Int32(0), count: edgeFrom.count)
        for (from, to) in zip(edgeFrom, edgeTo) {
            list[Int(fill[Int(from)])] = to
            fill[Int(from)] += 1
        }
        successorStart = start
        successors = list
        edgeFrom = []
        edgeTo = []
        pairIndex = [:]
    }
}

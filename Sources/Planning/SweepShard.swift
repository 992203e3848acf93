import Foundation

/// One of several processes sharing a sweep: which points are its own and how outcomes are exchanged.
public struct SweepShard: Sendable {
    /// This process's rank, 0-based.
    public var rank: Int
    /// Number of processes.
    public var size: Int
    /// Gathers one byte buffer from every process, in rank order, on every process (e.g. MPI_Allgatherv).
    public var allGather: @Sendable ([UInt8]) throws -> [[UInt8]]

    public init(rank: Int, size: Int, allGather: @escaping @Sendable ([UInt8]) throws -> [[UInt8]]) {
        self.rank = rank
        self.size = size
        self.allGather = allGather
    }

    /// Every `size`-th element from `rank` (round robin keeps large and small points mixed).
    func share<T>(of items: [T]) -> [T] {
        stride(from: rank, to: items.count, by: size).map { items[$0] }
    }

    /// This process's items joined with every other process's, in rank order.
    func exchange<T: Codable>(_ items: [T]) throws -> [T] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let gathered = try allGather(Array(try encoder.encode(items)))
        return try gathered.flatMap { try JSONDecoder().decode([T].self, from: Data($0)) }
    }
}

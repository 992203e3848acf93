import CostModel
import Foundation

extension MPIWorld {
    /// The cores this host's ranks run on together (a collective: every rank calls it): what
    /// `threadsOutnumberCores` compares their threads with.
    ///
    /// `mpirun` binds each of two ranks to a core of its own by default (`--bind-to core`), so a rank's affinity mask
    /// (`LocalCPU.cores`) is its own share, not the cores its host's ranks share. The host's ranks' masks are gathered:
    /// where they differ, the ranks were bound apart and run on the union of their masks; where they are all one mask
    /// (unbound, or bound to one socket), that mask is the ranks' common pool and `ownCores` (which also counts a cgroup
    /// quota) stands.
    ///
    /// - Throws: `MPIError` when a rank fails or stops answering.
    public func hostCores(ownCores: Int, allowedCPUs: [Int]? = LocalCPU.allowedCPUs()) throws(MPIError) -> Int {
        let mine = ProcessInfo.processInfo.hostName + "\n" + (allowedCPUs?.map(String.init).joined(separator: ",") ?? "")
        let ranks = try allGather(Array(mine.utf8)).map { bytes -> (host: String, cpus: [Int]?) in
            let parts = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? LocalCPU.cpus(list: String(parts[1])) : nil)
        }
        return Self.hostCores(ownCores: ownCores, rank: rank, ranks: ranks)
    }

    /// `hostCores(ownCores:allowedCPUs:)` for rank `rank` of `ranks` (each rank's host and affinity mask, nil where
    /// unknown): the union of the masks of the ranks on its host where they differ and all are known, else `ownCores`.
    static func hostCores(ownCores: Int, rank: Int, ranks: [(host: String, cpus: [Int]?)]) -> Int {
        let local = ranks.filter { $0.host == ranks[rank].host }.map(\.cpus)
        let masks = local.compactMap { $0 }
        guard masks.count == local.count, Set(masks).count > 1 else { return ownCores }
        return Set(masks.joined()).count
    }
}

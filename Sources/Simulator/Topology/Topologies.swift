import InputParsing
/// Builders for the topologies gansim knows: parametric ones, DGX servers, clusters and TPU slices.
public enum Topologies {
    /// `devices` devices in a bidirectional ring of identical links (one machine, no hosts).
    public static func ring(devices: Int, link: LinkSpec) -> Topology {
        var topology = flat(name: "ring", devices: devices)
        if devices == 2 {
            topology.connect(topology.devices[0], topology.devices[1], link)
        } else if devices > 2 {
            for rank in 0..<devices { topology.connect(topology.devices[rank], topology.devices[(rank + 1) % devices], link) }
        }
        return topology
    }

    /// `devices` devices with a direct link between every pair (one machine, no hosts).
    public static func fullyConnected(devices: Int, link: LinkSpec) -> Topology {
        var topology = flat(name: "fully-connected", devices: devices)
        for a in 0..<devices {
            for b in (a + 1)..<max(a + 1, devices) { topology.connect(topology.devices[a], topology.devices[b], link) }
        }
        return topology
    }

    /// `devices` devices each linked to one non-blocking switch, like an NVSwitch (one machine, no hosts).
    ///
    /// A device-to-device path crosses two links, so its latency is twice the link latency.
    public static func switched(devices: Int, link: LinkSpec) -> Topology {
        var topology = flat(name: "switch", devices: devices)
        let hub = topology.addNode(.networkSwitch, name: "switch", machine: nil)
        for device in topology.devices { topology.connect(device, hub, link) }
        return topology
    }

    /// One server of the given kind.
    public static func server(_ preset: ServerPreset) -> Topology {
        var topology = Topology(name: preset.rawValue)
        preset.append(to: &topology, machine: 0)
        return topology
    }

    /// `servers` servers joined by a two-level leaf-spine (fat-tree) network.
    ///
    /// Every NIC has a link to its server's leaf switch; a leaf serves `serversPerLeaf`
    /// servers. With more than one leaf, each leaf has one uplink to the spine layer whose
    /// capacity is the leaf's down capacity divided by `oversubscription` (ECMP over the
    /// spines is modelled as one aggregated uplink, i.e. perfect load balance).
    public static func cluster(
        server preset: ServerPreset, servers: Int, fabric: FabricKind,
        serversPerLeaf: Int, oversubscription: Double
    ) throws -> Topology {
        guard servers >= 1 else {
            throw ConfigurationError(field: "nodes", value: "\(servers)", reason: "a cluster needs at least one node")
        }
        guard serversPerLeaf >= 1, serversPerLeaf <= TopologySpec.maximumDevices else {
            throw ConfigurationError(field: "serversPerLeaf", value: "\(serversPerLeaf)", reason: "a leaf switch serves from 1 to \(TopologySpec.maximumDevices) servers")
        }
        guard oversubscription >= 1, oversubscription.isFinite else {
            throw ConfigurationError(field: "oversubscription", value: "\(oversubscription)", reason: "oversubscription must be a finite ratio of at least 1 (1 means non-blocking)")
        }
        let leafCount = (servers + serversPerLeaf - 1) / serversPerLeaf
        var topology = Topology(name: "\(servers)x \(preset.rawValue), \(fabric.rawValue) leaf-spine \(oversubscription):1")
        var leaves: [Int] = []
        for leaf in 0..<leafCount { leaves.append(topology.addNode(.networkSwitch, name: "leaf\(leaf)", machine: nil)) }
        var nicsPerServer = 0
        for server in 0..<servers {
            let nics = preset.append(to: &topology, machine: server)
            nicsPerServer = nics.count
            for nic in nics { topology.connect(nic, leaves[server / serversPerLeaf], fabric.link) }
        }
        if leafCount > 1 {
            let spine = topology.addNode(.networkSwitch, name: "spine", machine: nil)
            let uplink = fabric.link.bonded(serversPerLeaf * nicsPerServer).divided(by: oversubscription)
            for leaf in leaves { topology.connect(leaf, spine, uplink) }
        }
        return topology
    }

    /// A torus of devices with the given dimension sizes (rank = row-major coordinate), `chipsPerHost` chips per host.
    public static func torus(
        dimensions: [Int], link: LinkSpec, chipsPerHost: Int, hostLink: LinkSpec, hostCores: Int, name: String
    ) throws -> Topology {
        for (axis, size) in dimensions.enumerated() where size < 1 {
            throw ConfigurationError(field: "torus[\(axis)]", value: "\(size)", reason: "every torus dimension needs at least one chip")
        }
        let count = dimensions.reduce(1, *)
        var topology = Topology(name: "\(name) \(dimensions.map(String.init).joined(separator: "x")) torus")
        topology.torusDimensions = dimensions
        let perHost = max(1, chipsPerHost)
        let hostCount = (count + perHost - 1) / perHost
        var hosts: [Int] = []
        for host in 0..<hostCount {
            hosts.append(topology.addNode(.host, name: "host\(host)", machine: host))
        }
        for rank in 0..<count {
            let chip = topology.addNode(.device, name: "chip\(rank)", machine: rank / perHost)
            topology.connect(hosts[rank / perHost], chip, hostLink)
        }
        for host in 0..<hostCount {
            let ranks = Array((host * perHost)..<min(count, (host + 1) * perHost))
            topology.machines.append(Machine(hostNodes: [hosts[host]], cpuCores: hostCores, deviceRanks: ranks, nicNodes: []))
        }
        var stride = 1
        for axis in (0..<dimensions.count).reversed() {
            let size = dimensions[axis]
            for rank in 0..<count {
                let coordinate = (rank / stride) % size
                // Size 2 has a single neighbour; larger sizes wrap around.
                if size == 2 && coordinate == 1 { continue }
                if size < 2 { continue }
                let neighbour = rank + (((coordinate + 1) % size) - coordinate) * stride
                topology.connect(topology.devices[rank], topology.devices[neighbour], link)
            }
            stride *= size
        }
        topology.ringOrder = snakeOrder(dimensions)
        return topology
    }

    /// A TPU slice of the given generation as a 2-D (v2, v3, v5e, v6e) or 3-D (v4, v5p) torus, within its largest slice.
    public static func tpu(_ generation: TPUGeneration, dimensions: [Int]) throws -> Topology {
        guard dimensions.count == generation.torusRank else {
            throw ConfigurationError(
                field: "torus", value: dimensions.map(String.init).joined(separator: "x"),
                reason: "\(generation.rawValue) slices are \(generation.torusRank)-D tori")
        }
        let chips = dimensions.reduce(1, *)
        if let most = generation.maximumChips, chips > most {
            throw ConfigurationError(
                field: "devices", value: "\(chips)", reason: "a \(generation.rawValue) slice holds at most \(most) chips")
        }
        return try torus(
            dimensions: dimensions, link: generation.iciLink, chipsPerHost: generation.chipsPerHost,
            hostLink: generation.hostLink, hostCores: generation.hostCores, name: generation.rawValue)
    }

    /// Row-major ranks in boustrophedon order: consecutive ranks differ by one step in one dimension.
    static func snakeOrder(_ dimensions: [Int]) -> [Int] {
        guard let first = dimensions.first else { return [0] }
        let rest = Array(dimensions.dropFirst())
        let inner = snakeOrder(rest)
        let innerCount = rest.reduce(1, *)
        var order: [Int] = []
        order.reserveCapacity(first * innerCount)
        for i in 0..<first {
            let part = i % 2 == 0 ? inner : inner.reversed()
            order.append(contentsOf: part.map { i * innerCount + $0 })
        }
        return order
    }

    private static func flat(name: String, devices: Int) -> Topology {
        var topology = Topology(name: name)
        for rank in 0..<devices { topology.addNode(.device, name: "dev\(rank)", machine: 0) }
        topology.machines = [Machine(hostNodes: [], cpuCores: 0, deviceRanks: Array(0..<devices), nicNodes: [])]
        return topology
    }
}

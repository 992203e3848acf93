/// A topology's links in the flat form route searches read: links out of and into each vertex.
struct RouteGraph: Sendable {
    /// Link indices leaving each vertex.
    let outgoing: [[Int]]
    /// Links into each vertex, flattened: vertex v's are `incomingLinks[incomingStart[v]..<incomingStart[v + 1]]`.
    let incomingStart: [Int32]
    let incomingLinks: [Int32]
    /// Per link: its source vertex and seconds per byte, copied out of `topology.links`.
    let linkFrom: [Int32]
    let linkSecondsPerByte: [Double]

    init(topology: Topology) {
        var outgoing = Array(repeating: [Int](), count: topology.nodes.count)
        var incomingStart = Array(repeating: Int32(0), count: topology.nodes.count + 1)
        for (index, link) in topology.links.enumerated() {
            outgoing[link.from].append(index)
            incomingStart[link.to + 1] += 1
        }
        for vertex in topology.nodes.indices { incomingStart[vertex + 1] += incomingStart[vertex] }
        var fill = incomingStart
        var incomingLinks = Array(repeating: Int32(0), count: topology.links.count)
        for (index, link) in topology.links.enumerated() {
            incomingLinks[Int(fill[link.to])] = Int32(index)
            fill[link.to] += 1
        }
        self.outgoing = outgoing
        self.incomingStart = incomingStart
        self.incomingLinks = incomingLinks
        linkFrom = topology.links.map { Int32($0.from) }
        linkSecondsPerByte = topology.links.map { 1 / $0.spec.bandwidthBytesPerSecond }
    }

    /// Fills `costs` (unreached everywhere on entry) with the best route cost from each vertex to `destination`.
    ///
    /// Breadth-first search on the reversed graph settles hop counts layer by layer; a
    /// vertex's seconds-per-byte depends only on the layer before it, which is complete
    /// when the vertex is reached, so one O(V + E) pass gives the lexicographic optimum.
    /// With `sources`, the search stops once the layer of the farthest source is complete:
    /// every vertex at most that many hops away then has its final cost, which is all that
    /// following routes from those sources reads (a route's next hop is one hop nearer,
    /// and farther vertices, left unreached, are never candidates). Empty `sources`: the whole graph.
    ///
    /// - Returns: the vertices reached (to reset `costs` cheaply).
    func search(to destination: Int, stoppingAfter sources: [Int], costs: inout RouteCosts) -> [Int32] {
        let vertexCount = costs.hops.count
        var queue = [Int32](repeating: 0, count: vertexCount)
        var isSource = [Bool](repeating: false, count: sources.isEmpty ? 0 : vertexCount)
        var pending = 0
        for source in sources where source != destination && !isSource[source] {
            isSource[source] = true
            pending += 1
        }
        var stopHops = sources.isEmpty ? Int32.max : 0
        var count = 1
        costs.hops.withUnsafeMutableBufferPointer { hops in
            costs.secondsPerByte.withUnsafeMutableBufferPointer { perByte in
                incomingStart.withUnsafeBufferPointer { start in
                    incomingLinks.withUnsafeBufferPointer { links in
                        linkFrom.withUnsafeBufferPointer { from in
                            linkSecondsPerByte.withUnsafeBufferPointer { linkPerByte in
                                hops[destination] = 0
                                perByte[destination] = 0
                                queue[0] = Int32(destination)
                                var head = 0
                                while head < count {
                                    let node = Int(queue[head])
                                    let here = hops[node]
                                    if pending == 0 && here >= stopHops { break }
                                    head += 1
                                    let next = here + 1
                                    let base = perByte[node]
                                    for index in Int(start[node])..<Int(start[node + 1]) {
                                        let link = Int(links[index])
                                        let vertex = Int(from[link])
                                        let candidate = base + linkPerByte[link]
                                        if hops[vertex] == .max {
                                            hops[vertex] = next
                                            perByte[vertex] = candidate
                                            queue[count] = Int32(vertex)
                                            count += 1
                                            if !sources.isEmpty && isSource[vertex] {
                                                pending -= 1
                                                stopHops = max(stopHops, next)
                                            }
                                        } else if hops[vertex] == next && candidate < perByte[vertex] {
                                            perByte[vertex] = candidate
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Array(queue[0..<count])
    }
}

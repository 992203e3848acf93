/// The cost of the best route from each vertex to one destination, as hop counts and seconds per byte.
struct RouteCosts: Sendable {
    /// Hops to the destination (`Int32.max`: not reached).
    var hops: [Int32]
    /// Sum of seconds per byte over the best route with that many hops.
    var secondsPerByte: [Double]

    /// Costs with every one of `vertexCount` vertices unreached.
    init(vertexCount: Int) {
        hops = Array(repeating: .max, count: vertexCount)
        secondsPerByte = Array(repeating: .infinity, count: vertexCount)
    }

    /// The cost of `vertex` (`RouteCost.unreachable` if the search did not reach it).
    subscript(vertex: Int) -> RouteTable.RouteCost {
        hops[vertex] == .max ? .unreachable : RouteTable.RouteCost(hops: Int(hops[vertex]), secondsPerByte: secondsPerByte[vertex])
    }

    /// Marks `vertices` unreached again.
    mutating func reset(_ vertices: [Int32]) {
        for vertex in vertices {
            hops[Int(vertex)] = .max
            secondsPerByte[Int(vertex)] = .infinity
        }
    }
}

/// The time-versus-cost Pareto front: points no other point beats on both.
public enum ParetoFront {
    /// Indices (into `points`) of the non-dominated points, fastest first; among equal
    /// points the first one is kept.
    public static func indices(_ points: [(seconds: Double, usd: Double)]) -> [Int] {
        let order = points.indices.sorted {
            (points[$0].seconds, points[$0].usd, $0) < (points[$1].seconds, points[$1].usd, $1)
        }
        var front: [Int] = []
        var cheapest = Double.infinity
        for i in order where points[i].usd < cheapest {
            front.append(i)
            cheapest = points[i].usd
        }
        return front
    }
}

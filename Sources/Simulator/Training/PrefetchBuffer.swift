/// One device's input pipeline: batches produced every `intervalSeconds` into a buffer of `depth` batches.
///
/// Production of batch `i` starts once the previous batch is produced and the buffer has
/// room (batch `i - depth` was consumed).
struct PrefetchBuffer {
    /// Seconds to produce one batch (the pipeline's slowest stage).
    let intervalSeconds: Double
    /// Batches the buffer holds.
    let depth: Int
    private var ready: [Double] = []
    private var consumed: [Double] = []

    init(intervalSeconds: Double, depth: Int) {
        self.intervalSeconds = intervalSeconds
        self.depth = depth
    }

    /// The time the next batch is taken, given the device needs it at `need`; records the consumption.
    mutating func take(need: Double) -> Double {
        let index = consumed.count
        let room = index >= depth ? consumed[index - depth] : 0
        let readyAt = max(index == 0 ? 0 : ready[index - 1], room) + intervalSeconds
        ready.append(readyAt)
        let start = max(need, readyAt)
        consumed.append(start)
        return start
    }
}

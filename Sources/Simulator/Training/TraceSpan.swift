/// One span of the Chrome trace (`trace.json`, "X" complete events).
public struct TraceSpan: Sendable, Codable, Equatable {
    /// What happened, e.g. `D step 0 compute` or `all-reduce bucket 3`.
    public var name: String
    /// Category: `compute`, `data`, `wait`, `update` or `communication`.
    public var cat: String
    /// Phase marker: always `X` (a complete event).
    public var ph: String
    /// Start, in microseconds.
    public var ts: Double
    /// Duration, in microseconds.
    public var dur: Double
    /// Process: the device rank (communication uses its own process).
    public var pid: Int
    /// Thread: 0 compute stream, 1 communication stream.
    public var tid: Int

    /// A span from `startSeconds` to `endSeconds`.
    public init(name: String, category: String, startSeconds: Double, endSeconds: Double, pid: Int, tid: Int) {
        self.name = name
        self.cat = category
        self.ph = "X"
        self.ts = startSeconds * 1e6
        self.dur = max(0, endSeconds - startSeconds) * 1e6
        self.pid = pid
        self.tid = tid
    }
}

/// A candidate bottleneck during water-filling: a link's fair share for its unfrozen flows.
struct LinkShare: Comparable {
    /// Remaining capacity divided by unfrozen flows, in bytes per second.
    var shareBytesPerSecond: Double
    /// The link index (breaks ties deterministically).
    var link: Int32
    /// The link's change stamp when this entry was pushed; older entries are stale.
    var stamp: UInt32

    static func < (a: LinkShare, b: LinkShare) -> Bool {
        a.shareBytesPerSecond != b.shareBytesPerSecond ? a.shareBytesPerSecond < b.shareBytesPerSecond : a.link < b.link
    }

    static func == (a: LinkShare, b: LinkShare) -> Bool {
        a.shareBytesPerSecond == b.shareBytesPerSecond && a.link == b.link
    }
}

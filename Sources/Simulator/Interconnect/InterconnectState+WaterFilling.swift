import HeapModule

extension InterconnectState {
    /// Recomputes max-min fair rates for every flow connected (through shared links) to a dirty flow or link.
    ///
    /// Progressive filling: repeatedly take the link whose remaining capacity divided by
    /// its unfrozen flows is smallest, freeze those flows at that share, and subtract
    /// their rate from the other links they cross. Flows whose rate changed get a new
    /// version and a new transmission-end event.
    ///
    /// - Complexity: O(H log H) for H flow-link incidences in the affected components.
    mutating func recomputeRates() {
        let now = simulator.nowSeconds
        epoch &+= 1
        componentFlows.removeAll(keepingCapacity: true)
        componentLinks.removeAll(keepingCapacity: true)
        for flow in dirtyFlows where flowState[Int(flow)] == .shared || flowState[Int(flow)] == .exclusive {
            collectComponent(fromFlow: flow, now: now)
        }
        for link in dirtyLinks { collectComponent(fromLink: link, now: now) }
        dirtyFlows.removeAll(keepingCapacity: true)
        dirtyLinks.removeAll(keepingCapacity: true)
        guard !componentFlows.isEmpty else { return }
        recomputationCount += 1

        // Bring every affected flow's remaining bytes up to now.
        for flow in componentFlows {
            let f = Int(flow)
            flowRemainingBytes[f] = max(0, flowRemainingBytes[f] - flowRate[f] * (now - flowUpdatedSeconds[f]))
            flowUpdatedSeconds[f] = now
        }

        var shares = Heap<LinkShare>()
        for link in componentLinks {
            let l = Int(link)
            linkCapacity[l] = linkBandwidth[l]
            linkUnfrozen[l] = Int32(linkFlows[l].count)
            linkStamp[l] &+= 1
            shares.insert(LinkShare(shareBytesPerSecond: linkBandwidth[l] / Double(linkFlows[l].count), link: link, stamp: linkStamp[l]))
        }
        // flowMark == epoch means "in the component, not yet frozen"; epoch + 1 marks frozen flows.
        let frozen = epoch &+ 1
        while let entry = shares.popMin() {
            let l = Int(entry.link)
            guard entry.stamp == linkStamp[l], linkUnfrozen[l] > 0 else { continue }
            let share = max(entry.shareBytesPerSecond, linkBandwidth[l] * 1e-12)
            for member in linkFlows[l] where flowMark[Int(member.flow)] == epoch {
                let f = Int(member.flow)
                flowMark[f] = frozen
                setRate(of: member.flow, to: share, now: now)
                for index in routes.linkRange(of: flowRoute[f]) {
                    let other = Int(routes.linkIndices[index])
                    linkCapacity[other] = max(0, linkCapacity[other] - share)
                    linkUnfrozen[other] -= 1
                    linkStamp[other] &+= 1
                    if linkUnfrozen[other] > 0 && other != l {
                        shares.insert(LinkShare(
                            shareBytesPerSecond: linkCapacity[other] / Double(linkUnfrozen[other]),
                            link: Int32(other), stamp: linkStamp[other]))
                    }
                }
            }
        }
        epoch = frozen
    }

    /// Gives a flow its new fair rate and, if anything changed, a new transmission-end event.
    private mutating func setRate(of flow: Int32, to rate: Double, now: Double) {
        let f = Int(flow)
        if flowState[f] == .shared && flowRate[f] == rate { return }  // its pending event is still right
        if flowState[f] == .exclusive { sharedFlowCount += 1 }
        flowState[f] = .shared
        flowRate[f] = rate
        flowVersion[f] &+= 1
        scheduleFlowEvent(Self.transmitEndKind, flow: flow, atSeconds: now + flowRemainingBytes[f] / rate)
    }

    private mutating func collectComponent(fromFlow start: Int32, now: Double) {
        guard flowMark[Int(start)] != epoch else { return }
        flowMark[Int(start)] = epoch
        componentFlows.append(start)
        var cursor = componentFlows.count - 1
        expand(from: &cursor, now: now)
    }

    private mutating func collectComponent(fromLink link: Int32, now: Double) {
        let cursorStart = componentFlows.count
        visit(link: link, now: now)
        var cursor = cursorStart
        expand(from: &cursor, now: now)
    }

    /// Breadth-first closure: visits every link of every collected flow, collecting the flows on those links.
    private mutating func expand(from cursor: inout Int, now: Double) {
        while cursor < componentFlows.count {
            let flow = componentFlows[cursor]
            cursor += 1
            for index in routes.linkRange(of: flowRoute[Int(flow)]) {
                visit(link: routes.linkIndices[index], now: now)
            }
        }
    }

    private mutating func visit(link: Int32, now: Double) {
        let l = Int(link)
        guard linkMark[l] != epoch else { return }
        linkMark[l] = epoch
        releaseFinishedExclusiveFlows(on: l, now: now)
        guard !linkFlows[l].isEmpty else { return }
        componentLinks.append(link)
        for member in linkFlows[l] where flowMark[Int(member.flow)] != epoch {
            flowMark[Int(member.flow)] = epoch
            componentFlows.append(member.flow)
        }
    }
}

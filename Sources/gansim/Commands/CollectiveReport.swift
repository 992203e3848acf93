import Reports
import Foundation
import Simulator

/// The human-readable summary of a `CollectiveResult`.
struct CollectiveReport {
    /// The result to describe.
    let result: CollectiveResult

    /// A few aligned lines: what ran, simulated and analytic time, bandwidths, counts.
    var text: String {
        let contention = result.maxFlowsOnLink > 1
            ? "links shared (up to \(result.maxFlowsOnLink) flows on one link, \(Units.grouped(result.sharedFlows)) flows affected)"
            : "no link shared"
        if let method = result.method {
            return """
                \(result.operation.rawValue) \(result.algorithm.rawValue), \(result.devices) devices on \(result.topology), \(Units.bytes(Int(result.bytes))) per device, \(result.chunks) chunk(s)
                  time             \(Units.seconds(result.seconds))  (\(method))
                  algorithm bw     \(Units.count(result.algorithmBandwidthBytesPerSecond, unit: "B/s"))
                  bus bw           \(Units.count(result.busBandwidthBytesPerSecond, unit: "B/s"))
                """
        }
        return """
            \(result.operation.rawValue) \(result.algorithm.rawValue), \(result.devices) devices on \(result.topology), \(Units.bytes(Int(result.bytes))) per device, \(result.chunks) chunk(s)
              simulated time   \(Units.seconds(result.seconds))
              analytic time    \(Units.seconds(result.analyticSeconds))  (congestion-unaware)
              algorithm bw     \(Units.count(result.algorithmBandwidthBytesPerSecond, unit: "B/s"))
              bus bw           \(Units.count(result.busBandwidthBytesPerSecond, unit: "B/s"))
              transfers        \(Units.grouped(result.transfers)), events \(Units.grouped(result.events)), \(contention)
            """
    }
}

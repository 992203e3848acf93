import CostModel
import Workload

/// Energy arithmetic: power by state times the time spent in it, plus hosts and network, times PUE.
public enum EnergyModel {
    /// Joules one device draws: idle power throughout, plus dynamic power (busy − idle watts) scaled by activity.
    ///
    /// While computing the device draws `idle + (busy − idle) × a`, with `a` the activity of
    /// the running work (`activitySeconds` is the integral of `a` over the compute time);
    /// while communicating `idle + (busy − idle) × communicatingActivity`; otherwise (data
    /// stalls, waiting for peers) `idle`.
    public static func deviceJoules(
        device: DeviceProfile, computeSeconds: Double, activitySeconds: Double, communicationSeconds: Double,
        waitingSeconds: Double, communicatingActivity: Double
    ) -> Double {
        let dynamicWatts = device.busyWatts - device.idleWatts
        return device.idleWatts * (computeSeconds + communicationSeconds + waitingSeconds)
            + dynamicWatts * (activitySeconds + communicatingActivity * communicationSeconds)
    }

    /// Watts of hosts, NICs and switches that serve the first `devices` ranks of `topology` (drawn all the time).
    public static func infrastructureWatts(topology: Topology, devices: Int, power: PowerSpec) -> (hostWatts: Double, networkWatts: Double) {
        let machines = topology.machinesUsed(byFirst: devices)
        let nics = topology.machines.isEmpty ? 0 : machines.reduce(0) { $0 + topology.machines[$1].nicNodes.count }
        let switches = topology.nodes.filter { $0.kind == .networkSwitch && $0.machine == nil }.count
        let host: Double
        if let perDevice = power.hostWattsPerDevice {
            host = perDevice * Double(devices)
        } else {
            // Each machine's own share for the ranks it holds among the first `devices`.
            host = machines.reduce(0.0) { total, m in
                let machine = topology.machines.isEmpty ? nil : topology.machines[m]
                let ranks = machine.map { $0.deviceRanks.filter { $0 < devices }.count } ?? devices
                return total + (machine?.hostWattsPerDevice ?? PowerSpec.assumedHostWatts) * Double(ranks)
            }
        }
        return (host, Double(nics) * power.nicWatts + Double(switches) * power.switchWatts)
    }

    /// Servers the first `devices` ranks occupy.
    public static func machinesUsed(topology: Topology, devices: Int) -> Int {
        topology.machinesUsed(byFirst: devices).count
    }
}

import CostModel
import Workload

/// Power draw of everything in the data centre besides the accelerators' own busy/idle figures, and the facility around it.
public struct PowerSpec: Sendable, Equatable {
    /// Data-centre power usage effectiveness (facility energy / IT energy).
    public var pue: Double
    /// Host power per device (CPUs, memory, fans, PCIe, in-server fabric) in watts; nil: the server's share
    /// (`Machine.hostWattsPerDevice`), else `assumedHostWatts`.
    public var hostWattsPerDevice: Double?
    /// Power of one NIC, in watts.
    public var nicWatts: Double
    /// Power of one network switch outside the servers, in watts.
    public var switchWatts: Double
    /// Fraction of a device's dynamic power (busy minus idle) drawn while it waits on communication.
    public var communicatingActivity: Double
    /// Grid carbon intensity, in grams of CO2 per kWh.
    public var gramsCO2PerKWh: Double

    /// Average data-centre PUE: 1.58 (Uptime Institute Global Data Center Survey 2023).
    public static let defaultPUE = 1.58
    /// 2023 world-average carbon intensity of electricity: 480 gCO2/kWh (Ember, Global Electricity Review 2024).
    public static let defaultGramsCO2PerKWh = 480.0
    /// NIC power: assumed 20 W (order of magnitude of 100-200 Gb/s adapters; no single published figure used).
    public static let defaultNICWatts = 20.0
    /// Switch power: assumed 300 W per 40-64-port data-centre switch (order of magnitude; no single published figure used).
    public static let defaultSwitchWatts = 300.0
    /// Dynamic-power fraction while communicating: assumed 0.15 (NCCL kernels keep a few SMs and HBM busy).
    public static let defaultCommunicatingActivity = 0.15

    /// The defaults above.
    public init(
        pue: Double = PowerSpec.defaultPUE, hostWattsPerDevice: Double? = nil, nicWatts: Double = PowerSpec.defaultNICWatts,
        switchWatts: Double = PowerSpec.defaultSwitchWatts, communicatingActivity: Double = PowerSpec.defaultCommunicatingActivity,
        gramsCO2PerKWh: Double = PowerSpec.defaultGramsCO2PerKWh
    ) {
        self.pue = pue
        self.hostWattsPerDevice = hostWattsPerDevice
        self.nicWatts = nicWatts
        self.switchWatts = switchWatts
        self.communicatingActivity = communicatingActivity
        self.gramsCO2PerKWh = gramsCO2PerKWh
    }

    /// Assumed: host power per device where no server figure applies (parametric topologies, TPU hosts), 100 W. A
    /// server preset's devices take the server's share instead (`Machine.hostWattsPerDevice`).
    public static let assumedHostWatts = 100.0
}

/// What a training run costs: rented device- or node-hours, or owned hardware paying for its electricity.
public struct PriceSpec: Sendable, Equatable {
    /// US dollars per device-hour (on-demand or spot); nil: the device catalog's on-demand price (0 when owned).
    public var usdPerDeviceHour: Double?
    /// US dollars per server-hour; when set it replaces the per-device price.
    public var usdPerNodeHour: Double?
    /// Whether the user owns the hardware and pays for the electricity (facility energy × `usdPerKWh`).
    public var owned: Bool
    /// US dollars per kWh of facility energy, charged when `owned`.
    public var usdPerKWh: Double

    /// 2023 average US commercial retail electricity price, about 12.7 ¢/kWh (U.S. EIA, Electric Power Monthly, Table 5.3).
    public static let defaultUSDPerKWh = 0.127

    /// Cloud on-demand pricing by default.
    public init(usdPerDeviceHour: Double? = nil, usdPerNodeHour: Double? = nil, owned: Bool = false, usdPerKWh: Double = PriceSpec.defaultUSDPerKWh) {
        self.usdPerDeviceHour = usdPerDeviceHour
        self.usdPerNodeHour = usdPerNodeHour
        self.owned = owned
        self.usdPerKWh = usdPerKWh
    }
}

extension PriceSpec {
    /// The scenario's `cost` section over cloud on-demand pricing.
    init(section: ScenarioInput.Cost) {
        self.init()
        owned = section.owned ?? owned
        usdPerDeviceHour = section.usdPerDeviceHour
        usdPerNodeHour = section.usdPerNodeHour
        usdPerKWh = section.usdPerKWh ?? usdPerKWh
    }
}

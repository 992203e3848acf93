import InputParsing
extension PriceSpec {
    /// The scenario's `cost` section over cloud on-demand pricing; errors name the field, value and line.
    init(section: inout ScenarioYAMLSection) throws {
        self.init()
        if let pricing = try section.string("pricing") {
            switch pricing {
            case "cloud": owned = false
            case "owned": owned = true
            default:
                throw section.locate(ConfigurationError(field: "pricing", value: pricing, reason: "expected cloud or owned"), key: "pricing")
            }
        }
        usdPerDeviceHour = try section.double("usdPerDeviceHour", minimum: 0)
        usdPerNodeHour = try section.double("usdPerNodeHour", minimum: 0)
        usdPerKWh = try section.double("usdPerKWh", minimum: 0) ?? usdPerKWh
        try section.finish()
    }
}

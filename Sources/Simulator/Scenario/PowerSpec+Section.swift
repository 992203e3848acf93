import InputParsing
extension PowerSpec {
    /// The scenario's `power` section over the defaults; errors name the field, value and line.
    init(section: inout ScenarioYAMLSection) throws {
        self.init()
        pue = try section.double("pue", minimum: 1) ?? pue
        hostWattsPerDevice = try section.double("hostWattsPerDevice", minimum: 0)
        nicWatts = try section.double("nicWatts", minimum: 0) ?? nicWatts
        switchWatts = try section.double("switchWatts", minimum: 0) ?? switchWatts
        communicatingActivity = try section.double("communicatingActivity", minimum: 0) ?? communicatingActivity
        gramsCO2PerKWh = try section.double("carbonIntensity", minimum: 0) ?? gramsCO2PerKWh
        if communicatingActivity > 1 {
            throw section.locate(ConfigurationError(
                field: "communicatingActivity", value: "\(communicatingActivity)", reason: "a fraction is at most 1"), key: "communicatingActivity")
        }
        try section.finish()
    }
}

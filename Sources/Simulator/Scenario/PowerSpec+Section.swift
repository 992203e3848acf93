extension PowerSpec {
    /// The scenario's `power` section over the defaults.
    init(section: ScenarioInput.Power) {
        self.init()
        pue = section.pue ?? pue
        hostWattsPerDevice = section.hostWattsPerDevice
        nicWatts = section.nicWatts ?? nicWatts
        switchWatts = section.switchWatts ?? switchWatts
        communicatingActivity = section.communicatingActivity ?? communicatingActivity
        gramsCO2PerKWh = section.carbonIntensity ?? gramsCO2PerKWh
    }
}

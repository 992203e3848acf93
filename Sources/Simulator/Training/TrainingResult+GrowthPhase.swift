extension TrainingResult {
    /// One phase of a progressive-growing run as priced: its resolution, length, batch and what it took.
    public struct GrowthPhase: Sendable, Codable, Equatable {
        /// Image side of the phase, in pixels.
        public var resolution: Int
        /// Whether the phase fades the new resolution in (else it is stable).
        public var fadingIn: Bool
        /// Thousands of images the phase trains on.
        public var kimg: Double
        /// Images per device per step (the official minibatch over the devices).
        public var batchPerDevice: Int
        /// Iterations of the phase.
        public var iterations: Int
        /// Steady-state seconds per iteration.
        public var iterationSeconds: Double
        /// Seconds per thousand images.
        public var secondsPerKimg: Double
        /// Wall seconds of the phase.
        public var wallSeconds: Double
        /// `wallSeconds` in hours.
        public var hours: Double
        /// Facility energy of the phase, in kWh.
        public var energyKWh: Double
        /// Cost of the phase, in US dollars.
        public var costUSD: Double
        /// Peak bytes per device in the phase.
        public var peakBytesPerDevice: Int
    }
}

import CPUExecution

extension DeviceProfile {
    /// The channel block of the oneDNN layouts the CPU trainer's convolutions run on with this profile's CPU
    /// (`ConvolutionLayout.channelBlock(vectorLanes:)`), `ConvolutionLayout.assumedChannelBlock` where the profile
    /// does not give its lanes.
    public var convolutionChannelBlock: Int {
        vectorLanes.map(ConvolutionLayout.channelBlock(vectorLanes:)) ?? ConvolutionLayout.assumedChannelBlock
    }
}

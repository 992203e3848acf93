import ArgumentParser
import Simulator

// Command-line parsing for the Simulator enums used by `gansim collective` (and `simulate`).
extension CollectiveOperation: ExpressibleByArgument {}
extension CollectiveAlgorithm: ExpressibleByArgument {}
extension TopologyKind: ExpressibleByArgument {}
extension FabricKind: ExpressibleByArgument {}

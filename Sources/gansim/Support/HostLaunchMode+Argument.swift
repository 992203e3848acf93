import ArgumentParser
import Workload

extension HostLaunchMode: ExpressibleByArgument {}

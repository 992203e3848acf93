import Testing
@testable import Simulator
import InputParsing

@Suite struct UnitParserTests {
    @Test func sizes() throws {
        #expect(try UnitParser.bytes("64MiB", field: "f") == 64 * 1_048_576)
        #expect(try UnitParser.bytes("1.5 GB", field: "f") == 1.5e9)
        #expect(try UnitParser.bytes("4096", field: "f") == 4096)
        #expect(try UnitParser.bytes("2KiB", field: "f") == 2048)
        #expect(try UnitParser.bytes("1e6", field: "f") == 1e6)
    }

    @Test func bandwidths() throws {
        #expect(try UnitParser.bytesPerSecond("50GB/s", field: "f") == 50e9)
        #expect(try UnitParser.bytesPerSecond("400Gb/s", field: "f") == 50e9)
        #expect(try UnitParser.bytesPerSecond("100Gbps", field: "f") == 12.5e9)
        #expect(try UnitParser.bytesPerSecond("200 Gbit/s", field: "f") == 25e9)
        #expect(try UnitParser.bytesPerSecond("1GiB/s", field: "f") == 1_073_741_824)
        #expect(try UnitParser.bytesPerSecond("12.5e9", field: "f") == 12.5e9)
    }

    @Test func times() throws {
        #expect(try UnitParser.seconds("500ns", field: "f") == 500e-9)
        #expect(try UnitParser.seconds("1.5us", field: "f") == 1.5e-6)
        #expect(try UnitParser.seconds("2µs", field: "f") == 2e-6)
        #expect(try UnitParser.seconds("3ms", field: "f") == 3e-3)
        #expect(try UnitParser.seconds("1e-6", field: "f") == 1e-6)
        #expect(try UnitParser.seconds("0", field: "f") == 0)
    }

    @Test func parsersOnlyReadAndBoundsAreSeparate() throws {
        // A scenario's reader parses any sign and size; its section's validate bounds the number.
        #expect(try UnitParser.parseBytes("-1MB", field: "f") == -1e6)
        #expect(try UnitParser.parseBytesPerSecond("0GB/s", field: "f") == 0)
        #expect(try UnitParser.parseSeconds("-2ms", field: "f") == -2e-3)
        #expect(throws: ConfigurationError.self) { try UnitParser.parseBytes("12 parsecs", field: "f") }
        #expect(throws: ConfigurationError(field: "f", value: "2e18", reason: "must be at most 1 EiB (1152921504606846976 bytes)")) {
            try UnitParser.size(2e18, written: "2e18", field: "f")
        }
        #expect(throws: ConfigurationError(field: "f", value: "0", reason: "bandwidth must be positive")) {
            try UnitParser.bandwidth(0, written: "0", field: "f")
        }
        #expect(throws: ConfigurationError(field: "f", value: "inf", reason: "must be a finite value, zero or more")) {
            try UnitParser.duration(.infinity, written: "inf", field: "f")
        }
    }

    @Test func errorsNameTheFieldAndValue() {
        #expect(throws: ConfigurationError.self) { try UnitParser.bytesPerSecond("-5GB/s", field: "--bandwidth") }
        #expect(throws: ConfigurationError.self) { try UnitParser.bytes("12 parsecs", field: "--bytes") }
        #expect(throws: ConfigurationError.self) { try UnitParser.seconds("fast", field: "--latency") }
        do {
            _ = try UnitParser.bytesPerSecond("0GB/s", field: "--bandwidth")
            Issue.record("zero bandwidth was accepted")
        } catch let error as ConfigurationError {
            #expect(error.field == "--bandwidth")
            #expect(error.value == "0GB/s")
            #expect(error.description.contains("--bandwidth"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

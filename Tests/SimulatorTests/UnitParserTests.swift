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

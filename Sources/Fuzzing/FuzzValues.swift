/// Boundary values the mutators put in place of a field's value: zero, negatives, huge numbers, NaN and infinity,
/// wrong types, odd units, unicode, empty text.
enum FuzzValues {
    /// Replacement scalars for any field, as YAML/flag text.
    static let scalars: [String] = [
        "0", "-1", "1", "2", "3", "7", "-0", "0.5", "-2.5", "1e3", "1e-9", "1e308", "-1e308", "1e400",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "18446744073709551615",
        "99999999999999999999999", "4294967296", "2147483648", "65536", "65537", "100000", "1000000000",
        "nan", ".nan", "NaN", ".inf", "-.inf", "inf", "infinity", "~", "null", "true", "false", "yes", "",
        "abc", "0x10", "0o17", "1_000", "1,000", " 8 ", "+5", "1/0", "１２", "٣", "é", "😀", "Ωmega", "\u{202E}x",
        "64MiB", "1GB/s", "1us", "-5us", "3 parsecs", "1e999GB", "0B", "1B", "1EB", "0GB/s", "-1GB/s", "nanGB/s",
        "1 GiB", "0ns", "1e30s", "2d", "48h", "$20k", "-20usd", "1e-300", "4x4", "0x0", "1x1x1x1x1x1x1x1x1x1",
        "65536x65536", "String", String(repeating: "9", count: 400), String(repeating: "a", count: 2000),
    ]

    /// Replacement YAML values that are not scalars: sequences, mappings, deep nesting, anchors and aliases.
    static let structures: [String] = [
        "[1, 2]", "[]", "{}", "{a: 1}", "[[[[[[[[[[1]]]]]]]]]]", String(repeating: "[", count: 200) + String(repeating: "]", count: 200),
        String(repeating: "{a: ", count: 100) + "1" + String(repeating: "}", count: 100), "&a 5", "*nope", "!!binary aGk=",
        "!!float 1", "!!int 1.5", "!!str 8", "|\n    8", ">\n    8", "\"8\"", "'8'", "\"\\u0000\"", "? complex\n  : key",
    ]

    /// A value: mostly scalars, sometimes structures.
    static func any(_ random: inout FuzzRandom) -> String {
        random.chance(0.8) ? random.pick(scalars) : random.pick(structures)
    }

    /// Whole numbers around the limits and the ordinary range, as text.
    static func integer(_ random: inout FuzzRandom) -> String {
        random.pick(["0", "-1", "1", "2", "3", "4", "8", "16", "64", "100", "1000", "1024", "4096", "8192", "16384", "16385",
                     "65536", "65537", "100000", "1000000", "1000000000", "4294967296", "9223372036854775807", "-9223372036854775808",
                     "1e3", "abc", "", "3.5"])
    }
}

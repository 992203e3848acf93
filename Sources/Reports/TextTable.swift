/// A plain-text table with aligned columns for terminal output.
public struct TextTable {
    /// The column names.
    public var header: [String]
    /// The rows, each a cell per column.
    public var rows: [[String]] = []
    /// Columns aligned left (text); the others are aligned right (numbers).
    public var leftAligned: Set<Int>

    /// A table of `header`'s columns, with no rows.
    public init(_ header: [String], leftAligned: Set<Int> = [0]) {
        self.header = header
        self.leftAligned = leftAligned
    }

    /// Appends a row (missing cells are blank).
    public mutating func add(_ row: [String]) { rows.append(row) }

    /// The table as lines: header, rule, rows.
    public func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            header.indices.map { c in
                let s = c < cells.count ? cells[c] : ""
                let pad = String(repeating: " ", count: widths[c] - s.count)
                return leftAligned.contains(c) ? s + pad : pad + s
            }.joined(separator: "  ").replacingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    /// The string without trailing spaces.
    fileprivate func replacingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

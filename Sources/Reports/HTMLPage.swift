/// A self-contained HTML report: inline CSS and SVG, no network access needed.
public struct HTMLPage {
    public var title: String
    private var sections: [String] = []

    public init(title: String) { self.title = title }

    /// Adds a heading and free HTML under it.
    public mutating func section(_ heading: String, _ html: String) {
        sections.append("<section><h2>\(SVGCanvas.escape(heading))</h2>\n\(html)\n</section>")
    }

    /// An HTML table from a header and rows (cells are escaped).
    public static func table(_ header: [String], _ rows: [[String]]) -> String {
        let head = header.map { "<th>\(SVGCanvas.escape($0))</th>" }.joined()
        let body = rows.map { "<tr>" + $0.map { "<td>\(SVGCanvas.escape($0))</td>" }.joined() + "</tr>" }
            .joined(separator: "\n")
        return "<table><thead><tr>\(head)</tr></thead><tbody>\n\(body)\n</tbody></table>"
    }

    /// The page.
    public func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(SVGCanvas.escape(title))</title>
        <style>
        body { font-family: Helvetica, Arial, sans-serif; max-width: 980px; margin: 24px auto; color: #222; }
        h1 { font-size: 22px; } h2 { font-size: 17px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
        th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        thead { background: #f3f3f3; } section { margin-bottom: 28px; } svg { max-width: 100%; height: auto; }
        .note { color: #555; font-size: 13px; }
        </style></head><body>
        <h1>\(SVGCanvas.escape(title))</h1>
        \(sections.joined(separator: "\n"))
        </body></html>

        """
    }
}

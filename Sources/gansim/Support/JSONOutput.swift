import Reports

/// `Reports.JSONOutput` by its short name in every file of the CLI, including the commands that do not import Reports.
typealias JSONOutput = Reports.JSONOutput

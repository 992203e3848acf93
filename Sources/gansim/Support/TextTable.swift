import Reports

/// `Reports.TextTable` by its short name in every file of the CLI, including the commands that do not import Reports.
typealias TextTable = Reports.TextTable

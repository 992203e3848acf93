extension Precision: CodingKeyRepresentable {}

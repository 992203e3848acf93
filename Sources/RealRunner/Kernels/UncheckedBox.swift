/// Carries a value into a `@Sendable` closure when the caller guarantees that the
/// concurrent uses touch disjoint memory (the chunks of a `Parallel.forEach`).
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Picks the one reference a wire body gives for a thing that can be named two ways, such as
/// `scorecardId` or `scorecardKey`.
enum ReferenceFields {
    static func one(_ first: (name: String, value: String?), _ second: (name: String, value: String?), prefix: String) throws -> String {
        func path(_ name: String) -> String { prefix.isEmpty ? name : "\(prefix).\(name)" }
        switch (first.value, second.value) {
        case (let value?, nil), (nil, let value?): return value
        case (nil, nil):
            throw DomainError.invalid(field: path(first.name), message: "Give \(first.name) or \(second.name).")
        case (.some, .some):
            throw DomainError.invalid(field: path(second.name), message: "Give only one of \(first.name) and \(second.name).")
        }
    }
}

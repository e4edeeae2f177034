/// Where each field of a YAML document was written, by field path (`sections[0].scores[2].classes`).
///
/// A mapping member is located at its key, a list element at the element, the root at its start.
struct YAMLSourceMap: Sendable, Hashable {
    /// A line and column, both starting at 1.
    struct Location: Sendable, Hashable {
        var line: Int
        var column: Int
    }

    private var locations: [String: Location] = [:]
    private var texts: [String: String] = [:]

    /// Records where `path` was written and, for scalars, the text as written.
    mutating func record(_ path: String, at location: Location, text: String? = nil) {
        locations[path] = location
        if let text { texts[path] = text }
    }

    /// The location of `path`, or of its nearest recorded ancestor when `path` is not in the document
    /// (a missing field is reported where its parent is); line 1, column 1 as a last resort.
    func location(of path: String) -> Location {
        var current = path
        while true {
            if let location = locations[current] { return location }
            guard !current.isEmpty else { return Location(line: 1, column: 1) }
            current = Self.parent(of: current)
        }
    }

    /// The scalar at `path` exactly as written, before numbers and booleans were resolved.
    func text(at path: String) -> String? { texts[path] }

    /// `a.b[2]` for `a.b[2].c`, `a.b` for `a.b[2]`, and the empty root path for `a`.
    static func parent(of path: String) -> String {
        if path.hasSuffix("]"), let open = path.lastIndex(of: "[") {
            return String(path[..<open])
        }
        guard let dot = path.lastIndex(of: ".") else { return "" }
        return String(path[..<dot])
    }

    /// The path of member `key` of the mapping at `path`.
    static func member(_ key: String, of path: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The path of element `index` of the list at `path`.
    static func element(_ index: Int, of path: String) -> String {
        "\(path)[\(index)]"
    }
}

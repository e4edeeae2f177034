import PlexusCore

extension JSONValue {
    /// Element `index` when this is an array long enough.
    subscript(index: Int) -> JSONValue? {
        guard let elements = arrayValue, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}

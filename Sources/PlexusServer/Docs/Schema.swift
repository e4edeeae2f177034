import PlexusCore

/// Small builders for the JSON Schemas of the OpenAPI document.
enum Schema {
    static let string: JSONValue = ["type": "string"]
    static let number: JSONValue = ["type": "number"]
    static let integer: JSONValue = ["type": "integer"]
    static let boolean: JSONValue = ["type": "boolean"]
    static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    static let anyJSON: JSONValue = ["description": "Any JSON value."]
    static let unitInterval: JSONValue = ["type": "number", "minimum": 0, "maximum": 1]
    static let nonNegative: JSONValue = ["type": "number", "minimum": 0]

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static func nullable(_ schema: JSONValue) -> JSONValue { ["oneOf": [schema, ["type": "null"]]] }
    static func enumeration(_ values: [String]) -> JSONValue { ["type": "string", "enum": .array(values.map(JSONValue.string))] }

    static func object(_ properties: KeyValuePairs<String, JSONValue>, required: [String] = []) -> JSONValue {
        var members: [String: JSONValue] = ["type": "object", "properties": .object(Dictionary(uniqueKeysWithValues: properties.map { ($0.key, $0.value) }))]
        if !required.isEmpty { members["required"] = .array(required.map(JSONValue.string)) }
        return .object(members)
    }

    /// `{"data":[T],"nextCursor":string|null}`.
    static func page(of name: String) -> JSONValue {
        object(["data": array(ref(name)), "nextCursor": nullable(string)], required: ["data", "nextCursor"])
    }
}

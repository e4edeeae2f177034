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

    /// An object schema. Properties not in `required` may also be `null` (decoders read a null as
    /// absent, and answers may carry one), so they are documented as such.
    static func object(_ properties: KeyValuePairs<String, JSONValue>, required: [String] = []) -> JSONValue {
        let documented = properties.map { name, schema in (name, required.contains(name) ? schema : orNull(schema)) }
        var members: [String: JSONValue] = ["type": "object", "properties": .object(Dictionary(uniqueKeysWithValues: documented))]
        if !required.isEmpty { members["required"] = .array(required.map(JSONValue.string)) }
        return .object(members)
    }

    /// `schema` (an object schema) refusing members it does not list, for bodies whose decoders
    /// refuse unknown (usually misspelt) fields.
    static func closed(_ schema: JSONValue) -> JSONValue {
        guard case var .object(members) = schema else { return schema }
        members["additionalProperties"] = false
        return .object(members)
    }

    /// `schema` or `null`; schemas that already allow anything (or null) are left as they are.
    private static func orNull(_ schema: JSONValue) -> JSONValue {
        guard schema["type"] != nil || schema["$ref"] != nil, schema["oneOf"] == nil, schema["anyOf"] == nil else { return schema }
        return ["anyOf": [schema, ["type": "null"]]]
    }

    /// `{"data":[T],"nextCursor":string|null}`.
    static func page(of name: String) -> JSONValue {
        object(["data": array(ref(name)), "nextCursor": nullable(string)], required: ["data", "nextCursor"])
    }
}

import GraphQL

// Introspection of arguments and input fields (`__InputValue`), as standard clients ask for it.
//
// The GraphQL package declares `__InputValue.isDeprecated` as `Boolean!` but resolves it by
// reflection, and its argument and input-field definitions have no `isDeprecated` property, only
// `deprecationReason`. So any client that asks for input-value deprecation (GraphiQL, Python's
// `gql` with schema fetching, graphql-core's `get_introspection_query(input_value_deprecation=True)`)
// got `Cannot return null for non-nullable field __InputValue.isDeprecated.` and no schema at all.
//
// The package's default resolver reads fields of a `KeySubscriptable` source by subscript before
// it falls back to reflection, so these conformances answer every `__InputValue` field by name,
// deriving `isDeprecated` from `deprecationReason` as the package already does for fields and
// enum values. Fields with their own resolver (`defaultValue`) never reach the subscript.

extension GraphQLArgumentDefinition: @retroactive KeySubscriptable {
    /// The `__InputValue` field `name` of this argument.
    public subscript(name: String) -> (any Sendable)? {
        InputValueIntrospection.field(
            name, name: self.name, description: description, type: type, deprecationReason: deprecationReason)
    }
}

extension InputObjectFieldDefinition: @retroactive KeySubscriptable {
    /// The `__InputValue` field `name` of this input field.
    public subscript(name: String) -> (any Sendable)? {
        InputValueIntrospection.field(
            name, name: self.name, description: description, type: type, deprecationReason: deprecationReason)
    }
}

/// The fields `__InputValue` declares, answered for arguments and input fields alike.
enum InputValueIntrospection {
    static func field(
        _ field: String, name: String, description: String?, type: GraphQLInputType, deprecationReason: String?
    ) -> (any Sendable)? {
        switch field {
        case "name": name
        case "description": description
        case "type": type
        case "isDeprecated": deprecationReason != nil
        case "deprecationReason": deprecationReason
        default: nil
        }
    }
}

"""GraphQL from Python's `gql`, the client a data team would pick, at its defaults (schema fetching on)."""
from gql import Client, gql
from gql.transport.requests import RequestsHTTPTransport
from graphql import build_client_schema, get_introspection_query

from conftest import ADMIN_KEY


def client(server):
    transport = RequestsHTTPTransport(url=server.url + "/graphql", headers={"Authorization": "Bearer " + ADMIN_KEY}, timeout=10)
    return Client(transport=transport, fetch_schema_from_transport=True)


def request(document, **variables):
    query = gql(document)
    query.variable_values = variables
    return query


def test_schema_fetch_query_and_mutation(server):
    with client(server) as session:
        # Fetching the schema asks for input-value deprecation, which failed with
        # "Cannot return null for non-nullable field __InputValue.isDeprecated".
        assert session.client.schema is not None
        assert "getScorecard" in session.client.schema.query_type.fields
        card = session.execute(request('query($key: String!) { getScorecard(key: $key) { key sections { name scores { key classes } } } }',
                                       key="call-qa"))
        assert card["getScorecard"]["key"] == "call-qa"
        assert card["getScorecard"]["sections"][0]["scores"][0] == {"key": "greeting", "classes": ["Yes", "No"]}
        created = session.execute(request(
            "mutation($input: CreateScoreResultInput!) { createScoreResult(input: $input) { id value confidence } }",
            input={"scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "gql-1", "value": "Yes", "confidence": 0.8}))
        assert created["createScoreResult"]["value"] == "Yes" and created["createScoreResult"]["confidence"] == 0.8
        # gql validates documents against the fetched schema before sending them.
        listed = session.execute(gql("{ listScoreResults(limit: 10) { items { id value } nextToken } }"))
        assert [item["id"] for item in listed["listScoreResults"]["items"]] == [created["createScoreResult"]["id"]]


def test_full_introspection_builds_a_client_schema(server):
    query = get_introspection_query(descriptions=True, specified_by_url=True, directive_is_repeatable=True,
                                    schema_description=True, input_value_deprecation=True)
    result = server.api("POST", "/graphql", {"query": query})
    assert "errors" not in result, result.get("errors")
    schema = build_client_schema(result["data"])
    assert schema.mutation_type.fields["createScoreResult"].args["input"].deprecation_reason is None
    assert "value" in schema.type_map["CreateScoreResultInput"].fields


def test_the_reproduction_from_the_issue(server):
    result = server.api("POST", "/graphql", {
        "query": "{ __schema { queryType { fields { name args(includeDeprecated: true) { name isDeprecated } } } } }"})
    assert "errors" not in result
    fields = {field["name"]: field["args"] for field in result["data"]["__schema"]["queryType"]["fields"]}
    assert fields["getScorecard"] == [{"name": "key", "isDeprecated": False}]

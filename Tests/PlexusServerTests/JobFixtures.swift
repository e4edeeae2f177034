import PlexusCore

/// A two-score `rules` scorecard and items built so the expected results follow from their index.
enum JobFixtures {
    static let source = """
        key: call-qa
        name: Call QA
        sections:
          - name: Opening
            scores:
              - key: greeting
                name: Greeting
                classes: ["Yes", "No"]
                positive_class: "Yes"
                classifier:
                  type: rules
                  scope: Agent
                  outcomes:
                    - class: "Yes"
                      when: {phrase: thank you for calling}
                  default: "No"
              - key: apology
                name: Apology
                classes: ["Yes", "No"]
                classifier:
                  type: rules
                  outcomes:
                    - class: "Yes"
                      when: {phrase: sorry}
                  default: "No"
        """

    static func id(_ index: Int) -> String { "call-\(index < 10 ? "0" : "")\(index)" }

    /// Item `index` greets unless its index is a multiple of 3.
    static func greets(_ index: Int) -> Bool { index % 3 != 0 }

    /// Item `index` apologises when its index is even.
    static func apologises(_ index: Int) -> Bool { index.isMultiple(of: 2) }

    /// The greeting a reviewer heard: they disagree with the transcript on every fourth item.
    static func greetingLabel(_ index: Int) -> String { (greets(index) != index.isMultiple(of: 4)) ? "Yes" : "No" }

    static func text(_ index: Int) -> String {
        let opening = greets(index) ? "Agent: Hello, thank you for calling Acme." : "Agent: Hello."
        let middle = apologises(index) ? "Agent: I am sorry about that." : "Agent: Let me check."
        return [opening, "Customer: My order is late.", middle].joined(separator: "\n")
    }

    /// The body of `POST /api/v1/items/batch` for items 1…`count`.
    static func items(_ count: Int) -> JSONValue {
        .object(["items": .array((1...count).map { index in ["externalId": .string(id(index)), "text": .string(text(index))] })])
    }

    /// The body of `POST /api/v1/labels/batch`: the greeting label of items 1…`count`.
    static func greetingLabels(_ count: Int) -> JSONValue {
        .object(["labels": .array((1...count).map { index in
            ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": .string(id(index)), "value": .string(greetingLabel(index))]
        })])
    }
}

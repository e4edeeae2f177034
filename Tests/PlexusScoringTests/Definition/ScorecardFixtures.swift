/// A valid scorecard: two sections, three scores, a conditional and a plain dependency.
func callQAYAML() -> String {
    """
    key: call-qa
    name: Call QA
    description: Quality checks for support calls
    sections:
      - name: Opening
        scores:
          - key: identity
            name: Caller identity verified
            classifier:
              type: keyword
              outcomes:
                - value: Yes
                  when: date of birth
          - key: greeting
            name: Agent greeted the caller
            classes: [Yes, No]
            positive_class: Yes
            depends_on:
              - score: identity
                when: [Yes]
            classifier:
              type: keyword
              outcomes:
                - value: Yes
                  when: hello
      - name: Resolution
        scores:
          - key: outcome
            name: How the call ended
            classes: [Resolved, Escalated, Dropped]
            depends_on: [greeting]
            classifier:
              type: keyword
              threshold: 0.5
              outcomes:
                - value: Resolved
                  when: fixed
    """
}

/// A one-section scorecard around `scores`, a YAML list indented for the `scores:` key (six spaces);
/// the first score starts on line 6.
func scorecardYAML(scores: String) -> String {
    """
    key: call-qa
    name: Call QA
    sections:
      - name: Opening
        scores:
    \(scores)
    """
}

import PlexusScoring

/// The scorecards the scoring benchmark runs, parsed from YAML exactly as users write them.
enum ScoringScorecards {
    /// Two `rules` scores and one `ml` score (trained by the benchmark; see ``ScoringModelSource``).
    static let rulesAndML = """
        key: bench
        name: Scoring bench
        sections:
          - name: Calls
            scores:
              - key: greeting
                name: Agent greeted the caller with the company name
                classifier:
                  type: rules
                  scope: Agent
                  outcomes:
                    - class: Yes
                      when:
                        any:
                          - regex: "(thank(s| you) for calling|you've reached|welcome to)\\\\W+northwind"
                          - phrase: "Northwind support"
                  default: No
              - key: hold
                name: Agent asked before putting the caller on hold
                classifier:
                  type: rules
                  scope: Agent
                  outcomes:
                    - class: Yes
                      when:
                        all:
                          - phrases: ["short hold", "on hold", "bear with me"]
                          - not: {phrase: "waiting on hold"}
                  default: No
              - key: resolved
                name: The customer's issue was resolved
                classifier:
                  type: ml
                  ngram_range: [1, 2]
                  min_df: 2
                  test_size: 0
        """

    /// One `llm` score whose prompt tree is a single Yes/No question: one model call per item.
    static let llm = """
        key: bench-llm
        name: Scoring bench (LLM)
        sections:
          - name: Calls
            scores:
              - key: greeting
                name: Agent greeted the caller with the company name
                classifier:
                  type: llm
                  start: greeted
                  nodes:
                    greeted:
                      kind: classifier
                      user: |
                        Transcript:
                        {{text}}

                        Did the agent say "Northwind support"? Answer Yes or No.
        """

    /// The keys of the `rules` scores of ``rulesAndML``.
    static let ruleScores = ["greeting", "hold"]
    /// The key of the `ml` score of ``rulesAndML``.
    static let mlScore = "resolved"

    /// Parses one of the scorecards above.
    static func definition(_ yaml: String) throws -> ScorecardDefinition {
        try ScorecardParser().parse(yaml, file: "scoring-bench.yaml")
    }
}

import PlexusCore

extension ScorecardDefinition {
    /// The definition as PlexusCore's ``ScorecardDraft``, ready to create or replace the stored scorecard.
    ///
    /// Classes and the positive class are written out with their defaults applied, and each score's
    /// classifier block travels as JSON in ``ScoreDraft/classifier``. `depends_on` has no place in
    /// a draft: it lives in the YAML source, which is stored beside the scorecard.
    public var draft: ScorecardDraft {
        ScorecardDraft(
            key: key, name: name, description: description,
            sections: sections.map { section in
                ScorecardDraft.Section(name: section.name, scores: section.scores.map(\.draft))
            }
        )
    }
}

extension ScoreDefinition {
    /// The score as PlexusCore's ``ScoreDraft``.
    public var draft: ScoreDraft {
        ScoreDraft(key: key, name: name, classes: classes, positiveClass: positiveClass, classifier: classifier)
    }
}

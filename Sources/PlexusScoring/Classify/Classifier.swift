/// Decides one score for one item: the single interface every classifier type implements.
///
/// A classifier is built once per scoring run from its score's settings (see ``ClassifierKind``)
/// and then called concurrently for many items, so it must be safe to share.
public protocol Classifier: Sendable {
    /// Classifies one item, given the results of the scores this score depends on.
    func classify(_ input: ClassifierInput) async throws -> Classification
}

/// How a phrase is compared with a window of words.
public enum FuzzyMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// RapidFuzz's `token_set_ratio` / 100: word order and repeated words do not matter, and a
    /// window holding every word of the phrase scores 1.
    case tokenSet = "token_set"
    /// RapidFuzz's `Levenshtein.normalized_similarity`: `1 - distance / max(length)` over the
    /// characters of the normalized phrase and window.
    case editDistance = "edit_distance"
}

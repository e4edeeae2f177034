/// How long texts are split and the per-chunk answers combined: `{max_chars: 6000, overlap: 500, combine: any}`.
struct ChunkingSettings: Sendable, Hashable, Decodable {
    /// How the chunks' classes become one.
    enum Combine: String, Sendable, Hashable, Decodable {
        /// The positive class if any chunk gave it.
        case any
        /// The positive class only if every chunk gave it.
        case all
        /// The most common class (ties: the earliest chunk's).
        case majority
        /// The class of the chunk with the highest confidence.
        case maxConfidence = "max_confidence"
    }

    var maxChars: Int
    var overlap: Int?
    var combine: Combine?

    enum CodingKeys: String, CodingKey {
        case combine, overlap
        case maxChars = "max_chars"
    }

    static func problems(_ settings: ChunkingSettings?) -> [SettingsProblem] {
        guard let settings else { return [] }
        var problems: [SettingsProblem] = []
        if settings.maxChars < 100 {
            problems.append(SettingsProblem(path: "chunking.max_chars", message: "Chunks need at least 100 characters; got \(settings.maxChars)."))
        }
        if let overlap = settings.overlap, overlap < 0 || overlap * 2 > settings.maxChars {
            problems.append(SettingsProblem(path: "chunking.overlap", message: "The overlap must be between 0 and half of max_chars (\(settings.maxChars / 2)); got \(overlap)."))
        }
        return problems
    }
}

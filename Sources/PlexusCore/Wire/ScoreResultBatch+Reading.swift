import Foundation

/// Batch bodies are read by hand: at 1,000 results a batch, `JSONDecoder` took about as long as
/// writing the rows. The reader accepts exactly what `JSONDecoder` would decode to the same value
/// and leaves everything else (and so every error message) to it.
extension ScoreResultBatch: FastJSONReadable {
    public static func read(json: UnsafeRawBufferPointer) -> ScoreResultBatch? {
        var scanner = JSONScanner(json)
        var results: [ScoreResultInput]?
        do {
            try scanner.readObject { scanner, key throws(JSONScanner.Unreadable) in
                guard key == "scoreResults" else {
                    _ = try scanner.readValue()  // unknown members are ignored, as by JSONDecoder
                    return
                }
                guard results == nil else { throw JSONScanner.Unreadable() }
                var inputs: [ScoreResultInput] = []
                try scanner.readArray { scanner throws(JSONScanner.Unreadable) in inputs.append(try ScoreResultInput.read(&scanner)) }
                results = inputs
            }
            guard scanner.isAtEnd(), let results else { return nil }
            return ScoreResultBatch(scoreResults: results)
        } catch {
            return nil
        }
    }
}

extension ScoreResultInput {
    /// Each member's field and its bit in the set of members seen.
    private static let members = Dictionary(uniqueKeysWithValues: CodingKeys.allCases.enumerated().map { ($1.rawValue, ($1, UInt32(1) << $0)) })

    /// Reads one result object, refusing a repeated member, a missing `value` and any value of the wrong type.
    static func read(_ scanner: inout JSONScanner) throws(JSONScanner.Unreadable) -> ScoreResultInput {
        var input = ScoreResultInput(value: "")
        var hasValue = false
        var seen: UInt32 = 0
        try scanner.readObject { scanner, key throws(JSONScanner.Unreadable) in
            guard let (field, bit) = members[key] else {
                _ = try scanner.readValue()
                return
            }
            guard seen & bit == 0 else { throw JSONScanner.Unreadable() }
            seen |= bit
            switch field {
            case .scorecardId: input.scorecardId = try scanner.readOptionalString()
            case .scorecardKey: input.scorecardKey = try scanner.readOptionalString()
            case .scoreId: input.scoreId = try scanner.readOptionalString()
            case .scoreKey: input.scoreKey = try scanner.readOptionalString()
            case .itemId: input.itemId = try scanner.readOptionalString()
            case .itemExternalId: input.itemExternalId = try scanner.readOptionalString()
            case .value:
                input.value = try scanner.readString()
                hasValue = true
            case .confidence: input.confidence = try scanner.readOptionalDouble()
            case .explanation: input.explanation = try scanner.readOptionalString()
            case .metadata: input.metadata = try scanner.readOptionalValue()
            case .cost: input.cost = try scanner.readOptionalDouble()
            case .latency: input.latency = try scanner.readOptionalDouble()
            case .evaluationId: input.evaluationId = try scanner.readOptionalString()
            case .scoringJobId: input.scoringJobId = try scanner.readOptionalString()
            case .idempotencyKey: input.idempotencyKey = try scanner.readOptionalString()
            case .createdAt:
                guard let text = try scanner.readOptionalString() else { return }
                guard let date = PlexusJSON.parseDate(text) else { throw JSONScanner.Unreadable() }
                input.createdAt = date
            case .scorecardVersion: input.scorecardVersion = scanner.consumeNull() ? nil : try scanner.readInteger()
            }
        }
        guard hasValue else { throw JSONScanner.Unreadable() }
        return input
    }
}

import Foundation
import PlexusCore
import PlexusScoring
import PlexusStats
import Testing

/// The hand-written batch reader against `JSONDecoder`, its reference: on every body the reader
/// accepts, both must give the same batch, and the reader must accept the bodies clients send.
@Suite("Reading score-result batch bodies by hand")
struct ScoreResultBatchReadingTests {
    private static func fast(_ text: String) -> ScoreResultBatch? {
        Data(text.utf8).withUnsafeBytes { ScoreResultBatch.read(json: $0) }
    }

    private static func reference(_ text: String) -> ScoreResultBatch? {
        try? PlexusJSON.decoder().decode(ScoreResultBatch.self, from: Data(text.utf8))
    }

    @Test("Bodies written by JSONEncoder read the same as JSONDecoder reads them")
    func encoderBodies() throws {
        var random = SeededRandomNumberGenerator(seed: 20261204)
        for _ in 0..<200 {
            let batch = ScoreResultBatch(scoreResults: (0..<Int.random(in: 0...20, using: &random)).map { _ in
                BatchBodies.input(using: &random)
            })
            let body = String(decoding: try PlexusJSON.encoder().encode(batch), as: UTF8.self)
            let read = try #require(Self.fast(body), "refused \(body.prefix(300))")
            #expect(read == Self.reference(body))
            #expect(read == batch)
        }
    }

    @Test("Hand-written bodies (spacing, member order, escapes, unknown members, number forms) read as JSONDecoder reads them")
    func handWrittenBodies() throws {
        var random = SeededRandomNumberGenerator(seed: 7)
        for _ in 0..<500 {
            let body = BatchBodies.handWritten(using: &random)
            let reference = try #require(Self.reference(body), "JSONDecoder refused \(body)")
            #expect(Self.fast(body) == reference, "\(body)")
        }
    }

    @Test("Mutated bodies: whatever the reader accepts, JSONDecoder reads the same")
    func mutatedBodies() throws {
        var random = SeededRandomNumberGenerator(seed: 99)
        var accepted = 0
        var refused = 0
        for _ in 0..<5_000 {
            let body = BatchBodies.mutate(BatchBodies.handWritten(using: &random), using: &random)
            guard let read = Self.fast(body) else {
                refused += 1
                continue
            }
            accepted += 1
            #expect(read == Self.reference(body), "\(body)")
        }
        // Both kinds must occur, or the mutations test nothing.
        #expect(accepted > 100 && refused > 100, "accepted \(accepted), refused \(refused)")
    }

    @Test("Bodies the reader leaves to JSONDecoder", arguments: [
        #"{"scoreResults": [{"value": "Yes", "value": "No"}]}"#,
        #"{"scoreResults": [{"value": null}]}"#,
        #"{"scoreResults": [{"scoreKey": "a"}]}"#,
        #"{"scoreResults": [{"value": "Yes", "cost": 1e400}]}"#,
        #"{"scoreResults": [{"value": "Yes", "cost": "1"}]}"#,
        #"{"scoreResults": [{"value": "Yes", "scorecardVersion": 1.0}]}"#,
        #"{"scoreResults": [{"value": "Yes", "scorecardVersion": -0}]}"#,
        #"{"scoreResults": [{"value": "Yes", "scorecardVersion": 99999999999999999999}]}"#,
        #"{"scoreResults": [{"value": "\ud800"}]}"#,
        #"{"scoreResults": [{"value": "Yes", "createdAt": "yesterday"}]}"#,
        #"{"scoreResults": [{"value": "Yes", "metadata": {"a": 1, "a": 2}}]}"#,
        #"{"scoreResults": [{"value": "Yes"}]} trailing"#,
        #"{"scoreResults": [{"value": "Yes"},]}"#,
        #"{"scoreResults": [{"value": "Yes", "confidence": 01}]}"#,
        #"{"scoreResults": []"#,
        #"{"scoreResults": null}"#,
        #"{"scoreResults": [], "scoreResults": []}"#,
        #"[{"value": "Yes"}]"#,
        "{\"scoreResults\": [{\"value\": \"tab\there\"}]}",
    ])
    func leftToJSONDecoder(body: String) {
        #expect(Self.fast(body) == nil)
    }

    @Test("Invalid UTF-8 is left to JSONDecoder, whose error is reported as malformed text at its byte")
    func invalidUTF8() throws {
        let bytes = Array(#"{"scoreResults": [{"value": "X"}]}"#.utf8).map { $0 == UInt8(ascii: "X") ? 0xFF : $0 }
        #expect(bytes.withUnsafeBytes { ScoreResultBatch.read(json: $0) } == nil)
        do {
            _ = try JSONDecoder().decode([String: [[String: String]]].self, from: Data(bytes))
            Issue.record("JSONDecoder read invalid UTF-8")
        } catch let error as DecodingError {
            let problem = DecodingProblem(error, source: bytes)
            #expect(problem.code == "malformed_json" && problem.message.contains("byte 29"), "\(problem)")
        }
        #expect(DecodingProblem.firstInvalidUTF8(Array("héllo 日本 🎉".utf8)) == nil)
    }
}

/// Generated batch bodies for the reader's tests.
private enum BatchBodies {
    static let words = ["Yes", "No", "call-1", "héllo", "日本語", "emoji 🎉", "quote \" and \\ backslash", "slash /", "line\nbreak", "", "tab\t", "\u{1}"]

    static func input(using random: inout SeededRandomNumberGenerator) -> ScoreResultInput {
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &random) ? value() : nil }
        return ScoreResultInput(
            scorecardId: maybe(words.randomElement(using: &random)!), scorecardKey: maybe("bench"), scoreId: maybe("s-1"),
            scoreKey: maybe(words.randomElement(using: &random)!), itemId: maybe("i-1"), itemExternalId: maybe("item-\(random.next() % 1000)"),
            value: words.randomElement(using: &random)!, confidence: maybe(Double.random(in: 0...1, using: &random)),
            explanation: maybe(words.randomElement(using: &random)!), metadata: maybe(metadata(depth: 0, using: &random)),
            cost: maybe(Double.random(in: -1e-9...1e12, using: &random)), latency: maybe(Double(random.next() % 100_000) / 7),
            evaluationId: maybe("e-1"), scoringJobId: maybe("j-1"), idempotencyKey: maybe("k-\(random.next())"),
            createdAt: maybe(Date(timeIntervalSince1970: Double(random.next() % 2_000_000_000))),
            scorecardVersion: maybe(Int(random.next() % 1000) + 1))
    }

    static func metadata(depth: Int, using random: inout SeededRandomNumberGenerator) -> JSONValue {
        switch random.next() % (depth > 2 ? 4 : 6) {
        case 0: return .string(words.randomElement(using: &random)!)
        case 1: return .number(Double(Int64(bitPattern: random.next())) / Double(1 << (random.next() % 60)))
        case 2: return .bool(Bool.random(using: &random))
        case 3: return depth == 0 ? .bool(true) : .null  // a top-level null is no metadata
        case 4: return .array((0..<Int(random.next() % 4)).map { _ in metadata(depth: depth + 1, using: &random) })
        default:
            var object: [String: JSONValue] = [:]
            for index in 0..<Int(random.next() % 4) { object["k\(index)"] = metadata(depth: depth + 1, using: &random) }
            return .object(object)
        }
    }

    /// A body written out by hand, in ways JSONEncoder never writes: any spacing, members in any
    /// order, `\u` escapes, unknown members, numbers with exponents and many digits.
    static func handWritten(using random: inout SeededRandomNumberGenerator) -> String {
        let spaces = ["", " ", "\n  ", "\t", "\r\n"]
        func space() -> String { spaces.randomElement(using: &random)! }
        let numbers = ["0", "-0", "1", "0.5", "1e3", "1E-7", "-12.25e+2", "123456789012345678901234567890", "0.1000000000000000055511151231257827", "5e-324", "1.7976931348623157e308"]
        let strings = [#""Yes""#, #""No""#, #""\u0059es""#, #""caf\u00e9""#, #""\ud83c\udf89""#, #""a\/b""#, #""\b\f\n\r\t\"\\""#, #""日本""#, #""""#]
        let memberCount = 12
        func member(_ index: Int) -> String {
            switch index {
            case 0: return #""value":"# + space() + strings.randomElement(using: &random)!
            case 1: return #""scorecardKey":"# + space() + (Bool.random(using: &random) ? "null" : strings.randomElement(using: &random)!)
            case 2: return #""scoreKey":"# + space() + strings.randomElement(using: &random)!
            case 3: return #""itemExternalId":"# + space() + strings.randomElement(using: &random)!
            case 4: return #""confidence":"# + space() + numbers.randomElement(using: &random)!
            case 5: return #""cost":"# + space() + (Bool.random(using: &random) ? "null" : numbers.randomElement(using: &random)!)
            case 6: return #""latency":"# + space() + numbers.randomElement(using: &random)!
            case 7: return #""scorecardVersion":"# + space() + ["1", "42", "null"].randomElement(using: &random)!
            case 8: return #""createdAt":"# + space() + [#""2026-11-30T10:00:00Z""#, #""2026-11-30T10:00:00.123456Z""#, "null"].randomElement(using: &random)!
            case 9: return #""metadata":"# + space() + [#"{"a": [1, true, null, {"b": "c"}], "d": -1.5e2}"#, "null", "[]", "{}", "3", #""text""#].randomElement(using: &random)!
            case 10: return #""unknown":"# + space() + [#"{"x": [1, 2, {"y": null}]}"#, "false", "12", #""?""#].randomElement(using: &random)!
            default: return #""idempotencyKey":"# + space() + strings.randomElement(using: &random)!
            }
        }
        func object() -> String {
            var chosen = [0] + (1..<memberCount).filter { _ in Bool.random(using: &random) }
            chosen.shuffle(using: &random)
            return "{" + space() + chosen.map(member).joined(separator: space() + "," + space()) + space() + "}"
        }
        let results = (0..<Int(random.next() % 4)).map { _ in object() }.joined(separator: "," + space())
        let extra = Bool.random(using: &random) ? #", "note": {"n": [1, "two"]}"# : ""
        return "{" + space() + #""scoreResults":"# + space() + "[" + results + "]" + extra + space() + "}"
    }

    /// `body` with one to three random edits: a byte removed, a token inserted, a span doubled.
    static func mutate(_ body: String, using random: inout SeededRandomNumberGenerator) -> String {
        let tokens = ["{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "-", "0", "e", ".", "\"value\":\"x\"", "\\u00", "\u{7f}", "é"]
        var bytes = Array(body.utf8)
        for _ in 0..<(1 + Int(random.next() % 3)) where !bytes.isEmpty {
            let at = Int(random.next() % UInt64(bytes.count))
            switch random.next() % 3 {
            case 0: bytes.remove(at: at)
            case 1: bytes.insert(contentsOf: Array(tokens.randomElement(using: &random)!.utf8), at: at)
            default:
                let end = min(bytes.count, at + Int(random.next() % 12))
                bytes.insert(contentsOf: bytes[at..<end], at: at)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

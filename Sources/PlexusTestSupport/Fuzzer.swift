import Foundation
import PlexusScoring
import PlexusStats

/// A seeded random-input loop for a parser a user can feed: it mutates seed inputs (byte flips,
/// insertions from a dictionary of the format's syntax, deletions, duplications, splices of two
/// seeds, truncations) and hands each result to the parser for a fixed time. A crash ends the test
/// process, so the input about to be tried is first written to `.build/fuzz/<target>.input`; an
/// input that takes longer than ``slowInputLimit`` is reported as a hang.
///
/// The time per target comes from `PLEXUS_FUZZ_SECONDS` (default 3; CI sets 60) and the seed
/// from `PLEXUS_FUZZ_SEED` (default fixed), so a failure reruns exactly.
public struct Fuzzer: Sendable {
    /// What one run did.
    public struct Report: Sendable, CustomStringConvertible {
        public let target: String
        public let seed: UInt64
        public let inputs: Int
        /// The slowest input and how long it took.
        public let slowest: (input: String, duration: Duration)

        public var description: String {
            "\(target): \(inputs) inputs in the time budget (seed \(seed)); slowest took \(slowest.duration)"
        }
    }

    /// An input slower than this counts as a hang: far above any parse (milliseconds), so a
    /// machine busy with other suites never trips it, while a real hang always does.
    public static let slowInputLimit: Duration = .seconds(10)

    let target: String
    let seeds: [[UInt8]]
    let dictionary: [[UInt8]]
    let duration: Duration
    let seed: UInt64

    /// A fuzzer of `target` starting from `seeds`, inserting tokens of `dictionary`.
    public init(target: String, seeds: [String], dictionary: [String] = []) {
        let environment = ProcessInfo.processInfo.environment
        self.target = target
        self.seeds = seeds.map { Array($0.utf8) }
        self.dictionary = (dictionary + ["\0", "\u{FFFD}", "\u{1F600}", "\r\n", "\\", "\"", "'", " ", "-1", "1e309", "9999999999999999999"]).map { Array($0.utf8) }
        duration = .seconds(environment["PLEXUS_FUZZ_SECONDS"].flatMap(Double.init) ?? 3)
        seed = environment["PLEXUS_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_204
    }

    /// Feeds mutated inputs to `body` until the time is up; `body` must swallow the errors the
    /// parser is meant to throw for bad input and let only surprises escape.
    public func run(_ body: (String) async throws -> Void) async throws -> Report {
        var random = SeededRandomNumberGenerator(seed: seed)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/fuzz")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pending = folder.appendingPathComponent("\(target).input")
        let clock = ContinuousClock()
        let end = clock.now + duration
        var inputs = 0
        var slowest = (input: "", duration: Duration.zero)
        while clock.now < end {
            let input = String(decoding: mutate(using: &random), as: UTF8.self)
            try Data(input.utf8).write(to: pending)
            let started = clock.now
            try await body(input)
            let took = clock.now - started
            if took > slowest.duration { slowest = (input, took) }
            inputs += 1
        }
        try? FileManager.default.removeItem(at: pending)
        return Report(target: target, seed: seed, inputs: inputs, slowest: slowest)
    }

    private func mutate(using random: inout SeededRandomNumberGenerator) -> [UInt8] {
        var bytes = seeds[Int(random.next() % UInt64(seeds.count))]
        for _ in 0..<(1 + Int(random.next() % 8)) {
            let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1))
            switch random.next() % 7 {
            case 0 where !bytes.isEmpty: bytes[min(position, bytes.count - 1)] ^= UInt8(1 << (random.next() % 8))
            case 1: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
            case 2: bytes.insert(contentsOf: dictionary[Int(random.next() % UInt64(dictionary.count))], at: position)
            case 3 where !bytes.isEmpty:
                let length = min(Int(random.next() % 16) + 1, bytes.count - min(position, bytes.count - 1))
                bytes.removeSubrange(min(position, bytes.count - 1)..<(min(position, bytes.count - 1) + length))
            case 4 where !bytes.isEmpty:
                let start = min(position, bytes.count - 1)
                let slice = bytes[start..<min(bytes.count, start + Int(random.next() % 64) + 1)]
                bytes.insert(contentsOf: slice, at: Int(random.next() % UInt64(bytes.count + 1)))
            case 5:
                let other = seeds[Int(random.next() % UInt64(seeds.count))]
                let cut = other.isEmpty ? 0 : Int(random.next() % UInt64(other.count))
                bytes = Array(bytes.prefix(position)) + other.suffix(from: cut)
            default: bytes = Array(bytes.prefix(position))
            }
        }
        return bytes
    }
}

/// The Levenshtein distance between a fixed pattern and a text that grows one scalar at a time.
///
/// Patterns of 1 to 64 scalars use ``BitParallelLevenshtein``; longer ones (and the empty one)
/// one row of the classic dynamic programme.
struct LevenshteinColumn: Sendable {
    private let pattern: [UInt32]
    private let masks: PatternMasks
    private var bitParallel: BitParallelLevenshtein?
    private var row: [Int] = []

    /// Prepares to measure against `pattern`.
    init(pattern: [UInt32]) {
        self.pattern = pattern
        let fits = !pattern.isEmpty && pattern.count <= 64
        masks = PatternMasks(fits ? pattern : [])
        bitParallel = fits ? BitParallelLevenshtein(patternLength: pattern.count) : nil
        reset()
    }

    /// The distance between the pattern and the scalars appended since the last reset.
    var distance: Int { bitParallel?.distance ?? row[pattern.count] }

    /// Starts again with an empty text.
    mutating func reset() {
        if bitParallel != nil { bitParallel!.reset() } else { row = Array(0...pattern.count) }
    }

    /// Appends one scalar to the text.
    mutating func append(_ scalar: UInt32) {
        if bitParallel != nil {
            bitParallel!.append(mask: masks.mask(scalar))
            return
        }
        var diagonal = row[0]
        row[0] += 1
        for index in pattern.indices {
            let substitution = diagonal + (pattern[index] == scalar ? 0 : 1)
            diagonal = row[index + 1]
            row[index + 1] = min(substitution, row[index] + 1, diagonal + 1)
        }
    }
}

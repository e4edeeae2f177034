/// A prompt with `{{variables}}`: `{{text}}`, `{{metadata.x}}`, `{{nodes.<name>.answer}}`, `{{scores.<key>}}`.
struct PromptTemplate: Sendable, Hashable {
    /// A literal piece or a variable reference (its dotted path).
    enum Piece: Sendable, Hashable {
        case literal(String)
        case variable([String])
    }

    /// What a template failed on.
    struct Problem: Error, Sendable, Hashable {
        var message: String
    }

    let pieces: [Piece]

    /// Parses `source`, rejecting unclosed braces, empty variables and unknown roots.
    init(_ source: String) throws(Problem) {
        var pieces: [Piece] = []
        var rest = source[...]
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { pieces.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw Problem(message: "Unclosed '{{' in \"…\(rest[open.lowerBound...].prefix(30))\"; close it with '}}'.")
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            pieces.append(.variable(try Self.check(name)))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        self.pieces = pieces
    }

    /// The paths of every variable the template reads, in order.
    var variables: [[String]] {
        pieces.compactMap { piece in
            if case .variable(let path) = piece { return path }
            return nil
        }
    }

    /// The node names the template reads (`nodes.<name>.answer`).
    var referencedNodes: [String] {
        pieces.compactMap { piece in
            if case .variable(let path) = piece, path.first == "nodes" { return path[1] }
            return nil
        }
    }

    /// The score keys the template reads (`scores.<key>`).
    var referencedScores: [String] {
        pieces.compactMap { piece in
            if case .variable(let path) = piece, path.first == "scores" { return path[1] }
            return nil
        }
    }

    /// The text with every variable replaced by `lookup(path)` (empty when it has no value).
    func render(_ lookup: ([String]) -> String?) -> String {
        pieces.map { piece in
            switch piece {
            case .literal(let text): text
            case .variable(let path): lookup(path) ?? ""
            }
        }.joined()
    }

    private static func check(_ name: String) throws(Problem) -> [String] {
        let path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !name.isEmpty, !path.contains(where: \.isEmpty) else {
            throw Problem(message: "Empty variable '{{\(name)}}'; use text, metadata.<key>, nodes.<name>.answer or scores.<key>.")
        }
        switch path[0] {
        case "text" where path.count == 1: return path
        case "metadata" where path.count >= 2: return path
        case "nodes" where path.count == 3 && path[2] == "answer": return path
        case "scores" where path.count == 2 || (path.count == 3 && ["value", "explanation"].contains(path[2])): return path
        default:
            throw Problem(message: "Unknown variable '{{\(name)}}'; use text, metadata.<key>, nodes.<name>.answer or scores.<key>[.value|.explanation].")
        }
    }
}

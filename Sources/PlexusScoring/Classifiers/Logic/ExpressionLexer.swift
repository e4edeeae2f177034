/// Splits a `logic` expression into tokens.
enum ExpressionLexer {
    static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false", "null"]
    private static let twoCharacterSymbols: Set<String> = ["==", "!=", "<=", ">="]
    private static let symbols: Set<Character> = ["<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ","]

    /// The tokens of `source`, ending with `.end`.
    static func tokens(_ source: String) throws(ExpressionError) -> [ExpressionToken] {
        let characters = Array(source)
        var tokens: [ExpressionToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character.isWhitespace {
                index += 1
            } else if character.isNumber, character.isASCII {
                let start = index
                while index < characters.count, characters[index].isASCII, characters[index].isNumber || characters[index] == "." { index += 1 }
                let text = String(characters[start..<index])
                guard let value = Double(text) else { throw ExpressionError(.syntax, "'\(text)' is not a number", column: column) }
                tokens.append(ExpressionToken(kind: .number(value), column: column))
            } else if character == "'" || character == "\"" {
                let (value, next) = try string(characters, from: index)
                tokens.append(ExpressionToken(kind: .string(value), column: column))
                index = next
            } else if character.isLetter || character == "_" {
                let start = index
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || "_.".contains(characters[index]) { index += 1 }
                let text = String(characters[start..<index])
                guard !text.hasSuffix("."), !text.contains("..") else { throw ExpressionError(.syntax, "'\(text)' is not a valid name", column: column) }
                tokens.append(ExpressionToken(kind: keywords.contains(text) ? .keyword(text) : .name(text), column: column))
            } else if index + 1 < characters.count, twoCharacterSymbols.contains(String(characters[index...index + 1])) {
                tokens.append(ExpressionToken(kind: .symbol(String(characters[index...index + 1])), column: column))
                index += 2
            } else if symbols.contains(character) {
                tokens.append(ExpressionToken(kind: .symbol(String(character)), column: column))
                index += 1
            } else {
                let hint = character == "=" ? "; use '==' to compare" : character == "&" || character == "|" ? "; use 'and' / 'or'" : ""
                throw ExpressionError(.syntax, "unexpected character '\(character)'\(hint)", column: column)
            }
        }
        tokens.append(ExpressionToken(kind: .end, column: characters.count + 1))
        return tokens
    }

    /// The string literal starting at `start` (its quote) and the index just past it.
    private static func string(_ characters: [Character], from start: Int) throws(ExpressionError) -> (String, Int) {
        let quote = characters[start]
        var value = ""
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == quote { return (value, index + 1) }
            if character == "\\", index + 1 < characters.count {
                let escaped = characters[index + 1]
                value.append(escaped == "n" ? "\n" : escaped == "t" ? "\t" : escaped)
                index += 2
            } else {
                value.append(character)
                index += 1
            }
        }
        throw ExpressionError(.syntax, "unterminated string; close it with \(quote)", column: start + 1)
    }
}

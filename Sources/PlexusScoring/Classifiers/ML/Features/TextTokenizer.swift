/// Splits text into lowercase word tokens as scikit-learn's `TfidfVectorizer` does by default:
/// `text.lower()` then the token pattern `(?u)\b\w\w+\b`, i.e. every maximal run of two or more
/// word characters, where a word character is a letter (Lu, Ll, Lt, Lm, Lo), a character with a
/// Unicode numeric type, or `_` (Python's `str.isalnum() or c == '_'`).
///
/// Tokens are written as UTF-8 into a ``TokenBuffer``, each followed by one space, so that an
/// n-gram (`"w1 w2"`, the way scikit-learn joins them) is one contiguous byte range and needs no
/// `String` of its own. ASCII text, the common case, is lowercased and scanned byte by byte
/// without allocating; other text is lowercased with `String.lowercased()` first.
///
/// Known difference: Python lowercases a final capital sigma to `ς`; Swift maps every `Σ` to `σ`.
enum TextTokenizer {
    /// Fills `buffer` with the tokens of `text`, replacing what it held.
    static func tokenize(_ text: String, into buffer: inout TokenBuffer) {
        buffer.removeAll()
        var text = text
        let isASCII = text.withUTF8 { bytes in
            scanASCII(bytes, into: &buffer)
        }
        guard !isASCII else { return }
        buffer.removeAll()
        scanUnicode(text.lowercased(), into: &buffer)
    }

    /// Tokenizes ASCII bytes; returns `false` (leaving `buffer` partly filled) at the first non-ASCII byte.
    private static func scanASCII(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: inout TokenBuffer) -> Bool {
        var runStart = -1
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 { return false }
            if ASCIIWordTable.isWord(byte) {
                if runStart < 0 { runStart = index }
            } else if runStart >= 0 {
                buffer.appendLowercasedASCII(bytes, from: runStart, to: index)
                runStart = -1
            }
        }
        if runStart >= 0 { buffer.appendLowercasedASCII(bytes, from: runStart, to: bytes.count) }
        return true
    }

    /// Tokenizes already-lowercased text of any script, scalar by scalar.
    private static func scanUnicode(_ lowered: String, into buffer: inout TokenBuffer) {
        var runLength = 0
        for scalar in lowered.unicodeScalars {
            if isWord(scalar) {
                if runLength == 0 { buffer.beginToken() }
                buffer.append(scalar)
                runLength += 1
            } else if runLength > 0 {
                buffer.endToken(characters: runLength)
                runLength = 0
            }
        }
        if runLength > 0 { buffer.endToken(characters: runLength) }
    }

    /// Whether `scalar` is a word character of Python's `\w` in Unicode mode.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ASCIIWordTable.isWord(UInt8(scalar.value)) }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return properties.numericType != nil
        }
    }
}

/// `[A-Za-z0-9_]` as a bit set over the 128 ASCII bytes.
private enum ASCIIWordTable {
    private static let low: UInt64 = 0x03FF_0000_0000_0000  // '0'...'9'
    private static let high: UInt64 = 0x07FF_FFFE_87FF_FFFE  // 'A'...'Z', '_', 'a'...'z'

    static func isWord(_ byte: UInt8) -> Bool {
        byte < 64 ? (low >> UInt64(byte)) & 1 == 1 : (high >> UInt64(byte &- 64)) & 1 == 1
    }
}

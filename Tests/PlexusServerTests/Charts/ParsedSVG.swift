import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of an SVG document parsed with `XMLParser`, so tests check charts as XML rather than as text.
struct ParsedSVG {
    /// Why a chart's markup did not parse.
    struct MalformedError: Error, CustomStringConvertible {
        let description: String
    }

    var name: String
    var attributes: [String: String]
    var children: [ParsedSVG] = []
    /// The character data directly inside this element, unescaped.
    var text = ""

    /// Parses `markup`, throwing when it is not well-formed XML.
    static func parse(_ markup: String) throws -> ParsedSVG {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw MalformedError(description: "\(parser.parserError.map(String.init(describing:)) ?? "no root element") in \(markup)")
        }
        return root
    }

    /// The CSS classes of this element.
    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }

    /// The text of this element's `<title>` child, i.e. its tooltip.
    var title: String? { children.first { $0.name == "title" }?.text }

    /// Every descendant called `name`, in document order, optionally only those with class `cssClass`.
    func all(_ name: String, class cssClass: String? = nil) -> [ParsedSVG] {
        children.flatMap { child in
            let matches = child.name == name && (cssClass.map(child.classes.contains) ?? true)
            return (matches ? [child] : []) + child.all(name, class: cssClass)
        }
    }

    /// Whether every coordinate and size in the document is a finite number, i.e. no NaN leaked in.
    var hasFiniteGeometry: Bool {
        let geometry = ["x", "y", "cx", "cy", "r", "x1", "y1", "x2", "y2", "width", "height", "fill-opacity"]
        let numbers = geometry.compactMap { attributes[$0] }
            + (attributes["points"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        return numbers.allSatisfy { Double($0)?.isFinite == true } && children.allSatisfy(\.hasFiniteGeometry)
    }

    /// A numeric attribute, e.g. `cx`; nil when absent or not a number.
    func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
}

/// Builds a ``ParsedSVG`` tree from `XMLParser` callbacks.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [ParsedSVG] = []
    var root: ParsedSVG?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        stack.append(ParsedSVG(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let finished = stack.removeLast()
        if stack.isEmpty { root = finished } else { stack[stack.count - 1].children.append(finished) }
    }
}

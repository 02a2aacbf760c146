/// The one-line alias syntax of `onoma gazetteer add --alias` and of the CSV/TSV `aliases` column:
/// `TEXT[@LANG][=READING][#KIND]`, e.g. `戴琪@zh`, `林芳正@ja=はやし よしまさ`, `Raymondo`, `Kiev@en#variant`.
package enum AliasSyntax {
    /// Parses one alias. Returns nil for an empty text.
    package static func parse(_ spec: String) -> Alias? {
        var rest = Substring(spec)
        var kind: String?
        var reading: String?
        var lang: String?
        if let hash = rest.lastIndex(of: "#"), hash != rest.startIndex {
            kind = String(rest[rest.index(after: hash)...]).trimmed
            rest = rest[..<hash]
        }
        if let equals = rest.firstIndex(of: "="), equals != rest.startIndex {
            reading = String(rest[rest.index(after: equals)...]).trimmed
            rest = rest[..<equals]
        }
        if let at = rest.lastIndex(of: "@"), at != rest.startIndex {
            let tag = String(rest[rest.index(after: at)...]).trimmed
            if LanguageTag.isWellFormed(tag) {
                lang = tag
                rest = rest[..<at]
            }
        }
        let text = String(rest).trimmed
        guard !text.isEmpty else { return nil }
        return Alias(text: text, lang: lang, reading: reading?.isEmpty == true ? nil : reading,
                     kind: kind?.isEmpty == true ? nil : kind)
    }

    /// Writes an alias in the same syntax.
    package static func format(_ alias: Alias) -> String {
        var out = alias.text
        if let lang = alias.lang { out += "@" + lang }
        if let reading = alias.reading { out += "=" + reading }
        if let kind = alias.kind { out += "#" + kind }
        return out
    }
}

/// BCP-47 language tags, checked for form (language, optional script, region and variants).
package enum LanguageTag {
    package static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        var index = 1
        if index < parts.count, parts[index].count == 4, parts[index].allSatisfy({ $0.isASCII && $0.isLetter }) { index += 1 }
        if index < parts.count, (parts[index].count == 2 && parts[index].allSatisfy({ $0.isASCII && $0.isLetter }))
            || (parts[index].count == 3 && parts[index].allSatisfy(\.isNumber)) { index += 1 }
        while index < parts.count {
            let p = parts[index]
            let variant = ((5...8).contains(p.count) && p.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }))
                || (p.count == 4 && p.first!.isNumber && p.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }))
            guard variant else { return false }
            index += 1
        }
        return true
    }
}

extension StringProtocol {
    var trimmed: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}

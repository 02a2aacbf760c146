import Foundation

/// Word lists that keep ordinary words from becoming names (Data/stoplists/, one folded word per line).
public struct Stoplists: Sendable {
    /// Function words that are capitalized only because they open a sentence ("However", "According").
    package var functionWords: Set<String>
    /// Titles and role words that stand next to names but are not part of them ("Minister", "President").
    package var titles: Set<String>
    /// Words that make a capitalized phrase generic rather than a name ("Summit", "Framework", "Agreement").
    package var genericWords: Set<String>
    /// Months and days of the week: capitalized, never names to audit (but "May" can still be matched).
    package var calendarWords: Set<String>
    /// Common English words that lower-case spotting must never treat as a name.
    package var commonWords: Set<String>
    /// Titles of offices ("Governor", "Minister"): a mention right after one names the office's holder.
    package var officeTitles: Set<String>
    /// Words naming a minister's portfolio ("health", "finance"): before an office title they must fit the role.
    package var portfolios: Set<String>
    /// Offices named more than one way (office-equivalents.txt): a role holding every word of `words` also counts
    /// as a role of the words of `equivalent` ("secretary treasury" → "finance minister").
    package var officeEquivalents: [(words: Set<String>, equivalent: Set<String>)]
    /// Folded keys of phrases a curator marked as not names (`ignore` in an audit review): never matched,
    /// never reported. See `Stoplists.parseIgnored` for the file format.
    package var ignored: Set<String>

    /// Reads a user stoplist: one phrase per line (folded when read), `#` comments.
    package static func parseIgnored(_ text: String) -> Set<String> {
        Set(RuleSets.lines(text).map { KeyFolding.key($0) }.filter { !$0.isEmpty })
    }

    /// Reads a stoplist file, which must be UTF-8; errors name the file and, for a bad byte, its offset.
    package static func readText(_ path: String) throws(StoplistError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw StoplistError(path: path, message: "cannot read the file") }
        let bytes = [UInt8](data)
        if let offset = UTF8Validation.firstInvalidByte(bytes) {
            throw StoplistError(path: path, message: "not UTF-8 (invalid byte at offset \(offset))")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Loads the lists from `files` (path below Data/ -> text; the built-in copy by default).
    public init(files: [String: String] = BuiltinData.files) {
        func list(_ name: String) -> Set<String> {
            Set(RuleSets.lines(files["stoplists/\(name).txt"] ?? "").map { KeyFolding.key($0) }.filter { !$0.isEmpty })
        }
        functionWords = list("function-words")
        titles = list("titles")
        genericWords = list("generic-words")
        calendarWords = list("calendar-words")
        commonWords = list("common-words").union(functionWords)
        officeTitles = list("office-titles")
        portfolios = list("portfolios")
        officeEquivalents = RuleSets.lines(files["stoplists/office-equivalents.txt"] ?? "").compactMap { line in
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { return nil }
            return (Set(KeyFolding.tokens(String(fields[0]))), Set(KeyFolding.tokens(String(fields[1]))))
        }
        ignored = []
    }
}

/// A stoplist file that cannot be read.
public struct StoplistError: Error, CustomStringConvertible, Sendable {
    /// The stoplist file.
    public let path: String
    /// What is wrong with it.
    public let message: String
    /// "path: message".
    public var description: String { "\(path): \(message)" }
}

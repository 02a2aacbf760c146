/// One finding of `gazetteer check`.
public struct Diagnostic: Sendable, CustomStringConvertible {
    /// How serious a finding is: an error makes `gazetteer check` fail, a warning is for the curator to read.
    public enum Severity: String, Sendable { case error, warning }
    /// Error or warning.
    public var severity: Severity
    /// The file and line of the entity concerned.
    public var location: SourceLocation
    /// What is wrong, in words.
    public var message: String
    /// "file:line: severity: message".
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Lints gazetteer files: every line parses, ids are unique, types and language tags are valid, Japanese kanji
/// have readings, and — most useful — no two entities share a key after folding and romanization, or have keys
/// one edit apart, so a curator sees ambiguity before users do.
public enum GazetteerLinter {
    /// Checks the files (path and text). Collisions are looked for across all of them together.
    public static func check(_ files: [(path: String, text: String)], rules: RuleSets) -> (entities: Int, diagnostics: [Diagnostic]) {
        var diagnostics = [Diagnostic]()
        var entities = [Entity]()
        for (path, text) in files {
            var lineNumber = 0
            for raw in TextLines.split(text) {
                lineNumber += 1
                let location = SourceLocation(file: path, line: lineNumber)
                if TextLines.isBlank(raw) { continue }
                do {
                    let value = try JSONParser.parse(String(raw))
                    entities.append(try GazetteerLoader.entity(from: value, at: location))
                } catch let error as GazetteerError {
                    diagnostics.append(Diagnostic(severity: .error, location: location, message: error.message))
                } catch {
                    diagnostics.append(Diagnostic(severity: .error, location: location, message: "not valid JSON: \(error)"))
                }
            }
        }
        // Within one file an id must be unique; across files a later entity extends an earlier one.
        var firstByID = [String: SourceLocation]()
        for entity in entities {
            if let first = firstByID[entity.origin.file + "\u{0}" + entity.id] {
                diagnostics.append(Diagnostic(severity: .error, location: entity.origin,
                                              message: "duplicate id \"\(entity.id)\" (first at \(first))"))
            } else {
                firstByID[entity.origin.file + "\u{0}" + entity.id] = entity.origin
            }
            // A control character (NUL, a line break) in a name or alias is never part of a name.
            for text in [entity.name] + entity.aliases.map(\.text) + [entity.given, entity.family].compactMap({ $0 })
            where text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                diagnostics.append(Diagnostic(severity: .error, location: entity.origin,
                                              message: "\(entity.id): control character in \(text.debugDescription)"))
            }
            for alias in entity.aliases {
                if let lang = alias.lang, !LanguageTag.isWellFormed(lang) {
                    diagnostics.append(Diagnostic(severity: .error, location: entity.origin,
                                                  message: "\(entity.id): malformed language tag \"\(lang)\" on alias \(alias.text)"))
                }
                let isJapanese = alias.lang?.lowercased().hasPrefix("ja") ?? false
                if isJapanese, alias.reading == nil, dominantScript(alias.text) == .han {
                    diagnostics.append(Diagnostic(severity: .warning, location: entity.origin,
                                                  message: "\(entity.id): Japanese alias \(alias.text) has no kana reading; only its Mandarin reading is derived"))
                }
                if let reading = alias.reading, dominantScript(reading) != .kana {
                    diagnostics.append(Diagnostic(severity: .warning, location: entity.origin,
                                                  message: "\(entity.id): reading \"\(reading)\" of \(alias.text) is not kana"))
                }
            }
        }
        diagnostics += collisions(entities, rules: rules)
        return (entities.count, diagnostics.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) })
    }

    /// Pairs of entities that share a full-name key, or whose fuzzy-eligible keys are one edit apart. Each pair
    /// is reported once, with its most standard shared key.
    static func collisions(_ entities: [Entity], rules: RuleSets) -> [Diagnostic] {
        var seen = Set<String>()
        let engine = Engine(entities: entities.filter { seen.insert($0.origin.file + "\u{0}" + $0.id).inserted }, rules: rules)
        struct Finding { var key: String; var score: Float; var native: Bool; var message: String }
        var findings = [[Int]: Finding]()
        func note(_ a: Int, _ b: Int, key: String, score: Float, native: Bool = true, _ message: String) {
            guard a != b else { return }
            let pair = [min(a, b), max(a, b)]
            // Keep the most telling key: the most standard spelling, in native order, shortest, then alphabetical.
            if let e = findings[pair], (e.score, e.native ? 1 : 0, -e.key.count, e.key) >= (score, native ? 1 : 0, -key.count, key) {
                if (e.score, e.native ? 1 : 0, -e.key.count) != (score, native ? 1 : 0, -key.count) || e.key <= key { return }
            }
            findings[pair] = Finding(key: key, score: score, native: native, message: message)
        }
        for (key, allHits) in engine.index.exact {
            let hits = allHits.filter { $0.part == .full || $0.part == .swapped }
            var best = [Int: Float]()
            for hit in hits { best[hit.entity] = max(best[hit.entity] ?? 0, hit.score) }
            let distinct = best.keys.sorted()
            guard distinct.count >= 2 else { continue }
            let native = hits.contains { $0.part == .full }
            for other in distinct.dropFirst() {
                note(distinct[0], other, key: key, score: min(best[distinct[0]]!, best[other]!), native: native,
                     "share the key \"\(key)\": a mention spelled so is ambiguous")
            }
        }
        for (key, allHits) in engine.index.exact where key.utf8.count >= KeyIndex.minimumFuzzyLength {
            let own = Set(allHits.filter { $0.part == .full && $0.systems.isSubset(of: .fuzzyEligible) }.map(\.entity))
            guard let first = own.min() else { continue }
            for (neighbour, _) in engine.index.fuzzyNeighbours(of: key, maxDistance: 1) {
                for hit in engine.index.exact[neighbour] ?? [] where hit.part == .full && !own.contains(hit.entity) {
                    if findings[[min(first, hit.entity), max(first, hit.entity)]] != nil { continue }
                    note(first, hit.entity, key: key, score: 0,
                         "have keys one edit apart (\"\(min(key, neighbour))\", \"\(max(key, neighbour))\"): a misspelling of one may read as the other")
                }
            }
        }
        return findings.map { pair, finding in
            let first = engine.entities[pair[0]], second = engine.entities[pair[1]]
            return Diagnostic(severity: .warning, location: second.origin,
                              message: "\(second.id) and \(first.id) (\(first.origin)) \(finding.message)")
        }
    }
}

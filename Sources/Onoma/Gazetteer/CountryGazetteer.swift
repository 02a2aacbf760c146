import CICU

/// Every country and territory ICU knows (CLDR's region list) as gazetteer lines, with the CLDR display names in
/// the languages machine-translated news comes from. `swift run generate-countries` writes the result to
/// Data/gazetteer/countries.jsonl; a test checks that the committed file equals what this produces.
package enum CountryGazetteer {
    /// Languages whose CLDR names become aliases (non-Latin scripts only: a Latin-script name in another language,
    /// like Vietnamese "Mỹ", would be an English word or nothing MT writes).
    static let languages: [(locale: String, tag: String)] = [
        ("zh", "zh"), ("zh_Hant", "zh-Hant"), ("ja", "ja"), ("ko", "ko"), ("ru", "ru"), ("uk", "uk"),
        ("ar", "ar"), ("he", "he"), ("fa", "fa"), ("hi", "hi"), ("th", "th"), ("el", "el"),
    ]

    /// Kana readings of the Japanese CLDR names written with kanji (the others are katakana).
    static let japaneseReadings: [String: String] = [
        "日本": "にほん", "中国": "ちゅうごく", "韓国": "かんこく", "北朝鮮": "きたちょうせん", "台湾": "たいわん", "香港": "ほんこん",
    ]

    /// Names newspapers use where CLDR's English name is a long official form.
    static let englishNames: [String: String] = [
        "HK": "Hong Kong", "MO": "Macau", "PS": "Palestine", "MM": "Myanmar", "CD": "Democratic Republic of the Congo",
        "CG": "Republic of the Congo", "FM": "Micronesia", "VA": "Vatican City",
    ]

    /// Other English names no rule derives: accepted names, left as written, except `deprecatedEnglish`.
    static let englishVariants: [String: [String]] = [
        "MM": ["Burma"], "CZ": ["Czech Republic"], "TR": ["Turkey"], "SZ": ["Swaziland"], "MK": ["Macedonia"],
        "CV": ["Cape Verde"], "CI": ["Ivory Coast"], "TL": ["East Timor"], "KP": ["DPRK"], "KR": ["Republic of Korea"],
        "US": ["United States of America"], "GB": ["Britain", "Great Britain"], "NL": ["Holland"],
    ]

    /// Former names the country itself has replaced (Swaziland became Eswatini in 2018): rewritten to the name.
    static let deprecatedEnglish: Set<String> = ["Swaziland"]

    static func displayName(_ region: String, _ locale: String, short: Bool = false) -> String? {
        var buffer = [UInt16](repeating: 0, count: 256)
        let length = onoma_region_display_name(region, locale, short ? 1 : 0, &buffer, Int32(buffer.count))
        guard length > 0 else { return nil }
        let name = String(decoding: buffer[0..<Int(length)], as: UTF16.self)
        return name == region ? nil : name
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The gazetteer lines, sorted by region code, each ending with a line break.
    package static func jsonl() -> String {
        var codes = [String]()
        for i in 0..<onoma_region_count() {
            var buffer = [CChar](repeating: 0, count: 8)
            if onoma_region_code(i, &buffer, 8) == 2 {
                codes.append(String(decoding: buffer.prefix(2).map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
        }
        var lines = [String]()
        for code in codes.sorted() {
            guard let standard = displayName(code, "en") else { continue }
            let name = englishNames[code] ?? standard
            var aliases = [String]()
            var seen = Set<String>([name])
            func add(_ json: String, _ key: String) {
                if seen.insert(key).inserted { aliases.append(json) }
            }
            if standard != name { add(quote(standard), standard) }
            if let short = displayName(code, "en", short: true), short.count > 3 { add(quote(short), short) }
            for variant in englishVariants[code] ?? [] {
                let kind = deprecatedEnglish.contains(variant) ? "deprecated" : "accepted"
                add("{\"text\": \(quote(variant)), \"lang\": \"en\", \"kind\": \"\(kind)\"}", variant)
            }
            for (locale, tag) in languages {
                // The short form first ("香港" rather than "中国香港特别行政区"), then the standard form if it differs.
                for native in [displayName(code, locale, short: true), displayName(code, locale)].compactMap({ $0 }) {
                    var json = "{\"text\": \(quote(native)), \"lang\": \"\(tag)\""
                    if tag == "ja", let reading = japaneseReadings[native] { json += ", \"reading\": \(quote(reading))" }
                    json += "}"
                    add(json, tag + ":" + native)
                }
            }
            lines.append("{\"id\": \"country-\(code.lowercased())\", \"name\": \(quote(name)), \"type\": \"place\", "
                         + "\"iso3166\": \"\(code)\", \"aliases\": [\(aliases.joined(separator: ", "))], "
                         + "\"source\": \"CLDR display names via ICU (generated by Sources/GenerateCountries)\"}")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

import Testing
@testable import Onoma

/// A city's other names from GeoNames (Data/lexicons/place-exonyms.tsv) and a one-word person's name: when the
/// background explains an exact derivation as a proper name, these say the proper name is the entity's own.
/// The entities and lexicon lines are made up, except the built-in table's rows looked up in the first test.
@Suite struct ExonymTests {
    @Test("the built-in exonym table", arguments: [
        ("uzhgorod", "uzhhorod", "UA", "uzhhorod (UA)"),
        ("uzhgorod", "uzhhorod", nil, "uzhhorod (UA)"),
        ("uzhgorod", "uzhhorod", "RU", nil),      // only a city of the entity's country
        ("uzhhorod", "uzhhorod", "UA", nil),      // the name itself is no other name
        ("lvov", "lviv", "ua", "lviv (UA)"),      // country codes in either case
        ("lemberg", "lviv", "UA", nil),           // a former name is not a spelling of the name
        ("uzhgorod", "lviv", "UA", nil),          // another city's name
    ] as [(String, String, String?, String?)])
    func builtinTable(key: String, place: String, country: String?, city: String?) {
        #expect(Background.builtin.exonymCity(key, of: place, country: country) == city)
    }

    static let horodyn = Entity(id: "horodyn", name: "Horodyn", type: .place, aliases: [Alias(text: "Городин", lang: "uk")],
                                country: "UA")

    static func mention(_ surface: String, in text: String, entities: [Entity], lexicons: [String: String]) -> Mention? {
        let engine = Engine(entities: entities, rules: try! RuleSets(), background: Background(files: lexicons))
        return engine.normalize(text).mentions.first { $0.surface == surface }
    }

    @Test func aCityByItsOtherNameDerivedFromItsAlias() throws {
        let names = "gorodin\ngorodina\n"
        let text = "The road to Gorodin was closed."
        // A proper name of the lexicon, and no table says it is this city's: someone or something else.
        let alone = Self.mention("Gorodin", in: text, entities: [Self.horodyn],
                                 lexicons: ["lexicons/foreign-names.txt": names])
        #expect(alone?.status == .unresolved)
        let lexicons = ["lexicons/foreign-names.txt": names, "lexicons/place-exonyms.tsv": "horodyn\tUA gorodin gorodina\n"]
        let named = try #require(Self.mention("Gorodin", in: text, entities: [Self.horodyn], lexicons: lexicons))
        #expect(named.status == .resolved && named.replacement == "Horodyn")
        #expect(named.candidates.first?.detail.contains("GeoNames name of the city horodyn (UA)") == true)
        // A case form of the name is not the name the table gives, even where it lists the spelling.
        #expect(Self.mention("Gorodina", in: "The road to Gorodina was closed.", entities: [Self.horodyn],
                             lexicons: lexicons)?.status == .unresolved)
        // A city of that name in another country says nothing of this one.
        #expect(Self.mention("Gorodin", in: text, entities: [Self.horodyn],
                             lexicons: ["lexicons/foreign-names.txt": names, "lexicons/place-exonyms.tsv": "horodyn\tPL gorodin\n"])?
            .status == .unresolved)
    }

    static let harvena = Entity(id: "harvena", name: "Harvena", type: .person, aliases: [Alias(text: "Гарвена", lang: "uk")])
    static let harvenaTovkach = Entity(id: "harvena-tovkach", name: "Harvena Tovkach", type: .person,
                                       aliases: [Alias(text: "Гарвена Товкач", lang: "uk")])

    @Test func aPersonNamedByOneWord() throws {
        let lexicons = ["lexicons/foreign-names.txt": "garvena\n"]
        let text = "Garvena answered the letter."
        // The gazetteer names her by one word: the lexicon's given name is her name, in its Russian form.
        let one = try #require(Self.mention("Garvena", in: text, entities: [Self.harvena, Self.harvenaTovkach], lexicons: lexicons))
        #expect(one.status == .resolved && one.replacement == "Harvena")
        // A longer name's given name alone is still anyone's.
        #expect(Self.mention("Garvena", in: text, entities: [Self.harvenaTovkach], lexicons: lexicons)?.status == .unresolved)
    }

    @Test func aOneWordPersonTakesTheRussianGivenName() throws {
        // Опанас is Афанасий in Russian (romanization/ukrainian-russian-given-names.txt), not a letter-by-letter respelling.
        let opanas = Entity(id: "opanas", name: "Opanas", type: .person, aliases: [Alias(text: "Опанас", lang: "uk")])
        let engine = Engine(entities: [opanas], rules: try RuleSets())
        let mention = engine.normalize("Afanasy waved from the boat.").mentions.first { $0.surface == "Afanasy" }
        #expect(mention?.status == .resolved && mention?.replacement == "Opanas")
    }

    @Test func aCityByAnotherSpellingGeoNamesGivesIt() throws {
        // The built-in table: the city's other names are accepted names, resolved and left as written.
        let uzhhorod = Entity(id: "uzhhorod", name: "Uzhhorod", type: .place, country: "UA")
        let engine = Engine(entities: [uzhhorod], rules: try RuleSets())
        let mention = try #require(engine.normalize("Trains to Uzhorod were late.").mentions.first)
        #expect(mention.status == .resolved && mention.candidates.first?.id == "uzhhorod")
        #expect(mention.replacement == "Uzhorod")
        #expect(mention.candidates.first?.systems == [.geonamesName])
        // A gazetteer that spells the city another way finds it by its GeoNames name, a place the lexicon lists.
        let spelled = Entity(id: "uzhgorod", name: "Uzhgorod", type: .place)
        let other = Engine(entities: [spelled], rules: try RuleSets())
        #expect(other.normalize("Trains to Uzhhorod were late.").mentions.first?.candidates.first?.id == "uzhgorod")
    }

    @Test func anotherNameStillMeetsTheBackground() {
        let zoriv = Entity(id: "zoriv", name: "Zoriv", type: .place)
        let table = "zoriv\tUA zorivan zoryv\n"
        // "Zorivan" is also a family name: another name of a city alone does not outweigh that.
        let lexicons = ["lexicons/foreign-names.txt": "zorivan\n", "lexicons/place-exonyms.tsv": table]
        #expect(Self.mention("Zorivan", in: "Zorivan spoke first.", entities: [zoriv], lexicons: lexicons)?.status == .unresolved)
        #expect(Self.mention("Zoryv", in: "The road to Zoryv was closed.", entities: [zoriv], lexicons: lexicons)?.status == .resolved)
        // A name the places lexicon holds as a place's own is not looked up among other cities' names.
        let egypt = Entity(id: "egypt", name: "Egypt", type: .place)
        let rows = ["lexicons/places.txt": "egypt\n", "lexicons/place-exonyms.tsv": "goodyear\tUS egypt\n"]
        #expect(Self.mention("Goodyear", in: "The Goodyear plant closed.", entities: [egypt], lexicons: rows)?.candidates.isEmpty ?? true)
    }
}

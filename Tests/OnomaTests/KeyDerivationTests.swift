import Testing
@testable import Onoma

/// The keys `Engine` derives from small hand-written entities (invented people and one organization): pinyin and
/// Wade–Giles for Chinese names, Hepburn for Japanese readings, the Korean systems for Hangul, the newspaper
/// rules for Cyrillic; full names, swapped order, family and given names.
@Suite struct KeyDerivationTests {
    static let engine = Engine(entities: [
        Entity(id: "wang-jianguo", name: "Wang Jianguo", type: .person, aliases: [Alias(text: "王建国", lang: "zh")]),
        Entity(id: "sima-jiaxin", name: "Sima Jiaxin", type: .person, aliases: [Alias(text: "司马嘉欣", lang: "zh")]),
        Entity(id: "zeng-guoqiang", name: "Zeng Guoqiang", type: .person, aliases: [Alias(text: "曾国强", lang: "zh")]),
        Entity(id: "piao-xuemei", name: "Piao Xuemei", type: .person, aliases: [Alias(text: "朴雪梅", lang: "zh")]),
        Entity(id: "daniel-foster", name: "Daniel Foster", type: .person, aliases: [Alias(text: "丹尼尔·福斯特", lang: "zh")]),
        Entity(id: "kondo-shota", name: "Shota Kondo", type: .person,
               aliases: [Alias(text: "近藤翔太", lang: "ja", reading: "こんどう しょうた")]),
        Entity(id: "kang-minseok", name: "Kang Min-seok", type: .person, aliases: [Alias(text: "강민석", lang: "ko")]),
        Entity(id: "bae-doyun", name: "배도윤", type: .person),
        Entity(id: "namgung-jiho", name: "Namgung Ji-ho", type: .person, aliases: [Alias(text: "남궁지호", lang: "ko")]),
        Entity(id: "pavel-sokolov", name: "Pavel Sokolov", type: .person, aliases: [Alias(text: "Павел Соколов", lang: "ru")],
               given: "Pavel", family: "Sokolov"),
        Entity(id: "ilya-orlov", name: "Ilya Orlov", type: .person, aliases: [Alias(text: "Илья Сергеевич Орлов", lang: "ru")],
               given: "Ilya", family: "Orlov"),
        Entity(id: "oksana-hrytsenko", name: "Oksana Hrytsenko", type: .person,
               aliases: [Alias(text: "Оксана Гриценко", lang: "uk")], given: "Oksana", family: "Hrytsenko"),
        Entity(id: "mikhail-tarasov", name: "Михаил Тарасов", type: .person),
        Entity(id: "jinghai-port", name: "Jinghai Port Group", type: .organization, aliases: [Alias(text: "静海港集团", lang: "zh")]),
    ], rules: try! RuleSets())

    /// (entity, key, part, a system the key's spelling must use — nil when any will do).
    static let expected: [(String, String, KeyPart, RomanizationSystem?)] = [
        // 王建国: pinyin, Wade–Giles (Wang Chien-kuo), both orders, family and given names.
        ("wang-jianguo", "wangjianguo", .full, .canonical),
        ("wang-jianguo", "wangchienkuo", .full, .wadeGiles),
        ("wang-jianguo", "jianguowang", .swapped, nil),
        ("wang-jianguo", "chienkuowang", .swapped, .wadeGiles),
        ("wang-jianguo", "wang", .family, nil),
        ("wang-jianguo", "jianguo", .given, nil),
        ("wang-jianguo", "chienkuo", .given, .wadeGiles),
        // 司马嘉欣: a two-character surname (Ssu-ma Chia-hsin).
        ("sima-jiaxin", "simajiaxin", .full, nil),
        ("sima-jiaxin", "ssumachiahsin", .full, .wadeGiles),
        ("sima-jiaxin", "jiaxinsima", .swapped, nil),
        ("sima-jiaxin", "chiahsinssuma", .swapped, .wadeGiles),
        ("sima-jiaxin", "sima", .family, nil),
        ("sima-jiaxin", "ssuma", .family, .wadeGiles),
        ("sima-jiaxin", "jiaxin", .given, nil),
        // 曾 as a surname is Zeng (Tseng); careless MT reads it ceng.
        ("zeng-guoqiang", "zengguoqiang", .full, nil),
        ("zeng-guoqiang", "tsengkuochiang", .full, .wadeGiles),
        ("zeng-guoqiang", "cengguoqiang", .full, .pinyinCommonReading),
        ("zeng-guoqiang", "guoqiangzeng", .swapped, nil),
        ("zeng-guoqiang", "tseng", .family, .wadeGiles),
        // 朴 as a surname is Piao; its everyday reading is pu.
        ("piao-xuemei", "piaoxuemei", .full, nil),
        ("piao-xuemei", "piaohsuehmei", .full, .wadeGiles),
        ("piao-xuemei", "puxuemei", .full, nil),
        ("piao-xuemei", "puhsuehmei", .full, .pinyinCommonReading),
        ("piao-xuemei", "xuemeipiao", .swapped, nil),
        ("piao-xuemei", "piao", .family, nil),
        // A Western name written in Chinese characters: the whole transliteration, in pinyin and Wade–Giles.
        ("daniel-foster", "dannierfusite", .full, .pinyin),
        ("daniel-foster", "tannierhfussute", .full, .wadeGiles),
        ("daniel-foster", "danielfoster", .full, .canonical),
        ("daniel-foster", "fosterdaniel", .swapped, nil),
        ("daniel-foster", "foster", .family, nil),
        ("daniel-foster", "daniel", .given, nil),
        // こんどう しょうた: Hepburn with the long vowels written every customary way; the kanji in pinyin.
        ("kondo-shota", "shotakondo", .full, .canonical),
        ("kondo-shota", "kondoshota", .swapped, nil),
        ("kondo-shota", "kondoshota", .full, .hepburnVariant),
        ("kondo-shota", "kondoushouta", .full, .hepburn),
        ("kondo-shota", "kondohshota", .full, .hepburnVariant),
        ("kondo-shota", "kondo", .family, nil),
        ("kondo-shota", "kondoh", .family, .hepburnVariant),
        ("kondo-shota", "shota", .given, nil),
        ("kondo-shota", "jintengxiangtai", .full, .pinyin),
        // 강민석: the surname table (Kang), Revised Romanization (Gang Min-seok), McCune–Reischauer (Kang Min-sok),
        // customary spellings (Min-suk).
        ("kang-minseok", "kangminseok", .full, .canonical),
        ("kang-minseok", "gangminseok", .full, .koreanRevised),
        ("kang-minseok", "kangminsok", .full, .koreanMcCuneReischauer),
        ("kang-minseok", "kangminsuk", .full, .koreanCustomary),
        ("kang-minseok", "minseokkang", .swapped, nil),
        ("kang-minseok", "kang", .family, nil),
        ("kang-minseok", "gang", .family, .koreanSurname),
        ("kang-minseok", "minseok", .given, nil),
        ("kang-minseok", "minsuk", .given, .koreanCustomary),
        // A Hangul canonical name: 배도윤 (Bae Do-yun, Pae To-yun, Bae Do-yoon).
        ("bae-doyun", "baedoyun", .full, .koreanSurname),
        ("bae-doyun", "paetoyun", .full, .koreanMcCuneReischauer),
        ("bae-doyun", "baedoyoon", .full, .koreanCustomary),
        ("bae-doyun", "doyunbae", .swapped, nil),
        ("bae-doyun", "bae", .family, nil),
        ("bae-doyun", "doyun", .given, nil),
        // 남궁지호: a two-syllable Korean surname.
        ("namgung-jiho", "namgungjiho", .full, nil),
        ("namgung-jiho", "namkungchiho", .full, .koreanMcCuneReischauer),
        ("namgung-jiho", "jihonamgung", .swapped, nil),
        ("namgung-jiho", "namgung", .family, nil),
        ("namgung-jiho", "namkung", .family, nil),
        ("namgung-jiho", "jiho", .given, nil),
        // Russian, with and without a patronymic (dropped: newspapers rarely print it).
        ("pavel-sokolov", "pavelsokolov", .full, .canonical),
        ("pavel-sokolov", "sokolovpavel", .swapped, nil),
        ("pavel-sokolov", "sokolov", .family, nil),
        ("pavel-sokolov", "pavel", .given, nil),
        ("ilya-orlov", "ilyaorlov", .full, nil),
        ("ilya-orlov", "orlovilya", .swapped, nil),
        ("ilya-orlov", "orlov", .family, nil),
        // A Cyrillic canonical name.
        ("mikhail-tarasov", "mikhailtarasov", .full, .russian),
        ("mikhail-tarasov", "tarasovmikhail", .swapped, .russian),
        ("mikhail-tarasov", "tarasov", .family, .russian),
        ("mikhail-tarasov", "mikhail", .given, .russian),
        // Ukrainian by the Ukrainian rules: г is h, и is y.
        ("oksana-hrytsenko", "oksanahrytsenko", .full, nil),
        ("oksana-hrytsenko", "hrytsenkooksana", .swapped, nil),
        ("oksana-hrytsenko", "hrytsenko", .family, nil),
        // An organization: its name and its Chinese name read whole, in pinyin and Wade–Giles.
        ("jinghai-port", "jinghaiportgroup", .full, .canonical),
        ("jinghai-port", "jinghaigangjituan", .full, .pinyin),
        ("jinghai-port", "chinghaikangchituan", .full, .wadeGiles),
    ]

    @Test(arguments: expected)
    func derivesKey(_ id: String, _ key: String, _ part: KeyPart, _ system: RomanizationSystem?) {
        let hits = Self.engine.keys(of: id).filter { $0.key == key && $0.part == part }
        #expect(hits.count == 1, "\(id): no \(part) key \(key) in \(Self.engine.keys(of: id).map(\.key))")
        if let system, let hit = hits.first {
            #expect(hit.systems.contains(system), "\(id): \(key) spelled by \(hit.systems)")
        }
    }

    /// Keys that must not exist: they would name the entity by a wrong rule.
    static let absent: [(String, String)] = [
        ("daniel-foster", "dan"), // a transliterated Western name has no Chinese surname
        ("daniel-foster", "nierfusitedan"),
        ("kondo-shota", "chintenghsiangtai"), // Japanese kanji are never read in Wade–Giles
        ("jinghai-port", "jinghai"), // an organization's name has no family part
    ]

    @Test(arguments: absent)
    func doesNotDeriveKey(_ id: String, _ key: String) {
        #expect(!Self.engine.keys(of: id).contains { $0.key == key })
    }

    /// The Ukrainian rules never read и and г the Russian way; the Russian form of the name is a form of its own,
    /// never mixed with the Ukrainian one within a key.
    @Test func theRussianFormOfAUkrainianNameIsAFormOfItsOwn() {
        let keys = Self.engine.keys(of: "oksana-hrytsenko")
        let russian = keys.filter { $0.key == "oksanagritsenko" }
        #expect(!russian.isEmpty)
        #expect(russian.allSatisfy { $0.systems.contains(.russianFormOfUkrainian) && !$0.systems.contains(.ukrainian) })
        #expect(keys.filter { $0.key == "oksanahrytsenko" }.allSatisfy { !$0.systems.contains(.russianFormOfUkrainian) })
        #expect(!keys.contains { $0.systems.contains(.russianFormOfUkrainian) && $0.systems.contains(.ukrainian) })
    }

    @Test func thePatronymicIsDropped() {
        #expect(!Self.engine.keys(of: "ilya-orlov").contains { $0.key.contains("serge") })
    }

    @Test func organizationsHaveOnlyFullKeys() {
        let parts = Set(Self.engine.keys(of: "jinghai-port").map(\.part))
        #expect(parts == [.full])
    }

    @Test func everyKeyIsFolded() {
        for entity in Self.engine.entities {
            for (key, _, systems) in Self.engine.keys(of: entity.id) {
                #expect(!key.isEmpty && KeyFolding.key(key) == key, "\(entity.id): \(key)")
                #expect(!systems.isEmpty)
            }
        }
    }

    @Test func unknownIDHasNoKeys() {
        #expect(Self.engine.keys(of: "nobody").isEmpty)
    }

    /// A later entity with the same id extends the earlier one: one entity, the aliases of both, keys from both.
    @Test func sameIDExtends() throws {
        let engine = Engine(entities: [
            Entity(id: "lin-hua", name: "Lin Hua", type: .person, aliases: [Alias(text: "林华", lang: "zh")], roles: ["Mayor"]),
            Entity(id: "other", name: "Someone Else", type: .person),
            Entity(id: "lin-hua", name: "Lin Hua", aliases: [Alias(text: "林华", lang: "zh"), Alias(text: "Lam Wa", lang: "yue")],
                   roles: ["Mayor", "Governor"]),
        ], rules: try RuleSets())
        #expect(engine.entities.map(\.id) == ["lin-hua", "other"])
        let lin = engine.entities[0]
        #expect(lin.type == .person, "a later type of `other` keeps the earlier type")
        #expect(lin.aliases.map(\.text) == ["林华", "Lam Wa"])
        #expect(lin.roles == ["Mayor", "Governor"])
        let keys = engine.keys(of: "lin-hua").map(\.key)
        #expect(keys.contains("linhua") && keys.contains("lamwa"))
    }
}

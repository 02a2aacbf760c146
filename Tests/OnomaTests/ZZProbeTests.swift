import Testing
@testable import Onoma

@Test func zzProbe() throws {
    let r = try RuleSets()
    for s in ["xi","jin","zhong","xue","kuo","yue","lue","e","er"] { print("WG", s, r.wadeGiles(s)) }
    for s in ["Васильев","Объект","Григорьев","Андреев","Алексей","Ёлкин"] { print("RU", s, r.russian(s)) }
    for s in ["さとう","しょうた","こんどう","コーヒー","しんぶん"] { print("KANA", s, r.kanaLatin(s)) }
    print(KeyFolding.tokens("O´Brien"))
    let e = Engine(entities: [
        Entity(id: "golubev", name: "Yevgeny Golubev", type: .person, aliases: [Alias(text: "Евгений Голубев", lang: "ru")]),
        Entity(id: "zhou-lin", name: "Zhou Lin", type: .person, aliases: [Alias(text: "周林", lang: "zh")]),
    ], rules: r)
    for k in e.keys(of: "golubev") { print(k.key, k.part, k.systems) }
    for t in ["Yevgeny Golubev spoke. Later, Golubev said no.", "Zhou Lun said."] {
        let res = e.normalize(t)
        print(res.text)
        for m in res.mentions { print(m.surface, m.status, m.replacement ?? "-", m.candidates.first.map { "\($0.method) \($0.score) \($0.part)" } ?? "") }
    }
}

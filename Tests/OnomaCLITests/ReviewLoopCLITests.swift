import Foundation
import Testing

/// `gazetteer apply` closes the review loop in one pass (issue 12, part 6): an `alias-of` may name an entity that a
/// `new` row of the same file creates, earlier or later; a `new` row carries type, given/family and native-script
/// names; `not <id>` records a negative link that normalize honours and explain shows. Names are invented.
@Suite struct ReviewLoopCLITests {
    static let gazetteer = """
        {"id": "ardent-kuss", "name": "Ardent Kuss", "type": "person", "given": "Ardent", "family": "Kuss", "roles": ["Mayor of Kalinsk"]}

        """

    static func row(_ surfaces: [String], _ fields: [String: Any]) throws -> String {
        var object = fields
        object["surfaces"] = surfaces.map { ["surface": $0, "count": 1] }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func entities(_ path: String) throws -> [String: [String: Any]] {
        var out = [String: [String: Any]]()
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            out[object["id"] as! String] = object
        }
        return out
    }

    @Test func oneReviewCreatesLinksAndRefutesInOnePass() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let gazetteer = try scratch.write("g.jsonl", Self.gazetteer)
        // The alias row comes first and names the entity the next row creates.
        let review = try Self.row(["Zorbyn Quaylock"], ["action": "alias-of zorbin-quaylock"])
            + Self.row(["Zorbin Quaylock"], ["action": "new", "name": "Zorbin Quaylock", "type": "person",
                                             "given": "Zorbin", "family": "Quaylock",
                                             "aliases": [["text": "ゾルビン・クエイロック", "lang": "ja"], ["text": "Зорбин Куэйлок", "lang": "ru"]],
                                             "roles": ["Governor of Marbrand"]])
            + Self.row(["Ardent Kuss"], ["action": "not ardent-kuss", "near": "football, striker"])
            + Self.row(["Marbrand Port"], ["action": "new", "type": "place", "id": "marbrand-port"])
            + Self.row(["Port of Marbrand"], ["action": "alias-of marbrand-port"])
            + Self.row(["Quorvia"], ["action": ""])
        _ = try scratch.write("review.jsonl", review)
        let run = try OnomaTool.run(["gazetteer", "apply", "review.jsonl", "--no-default-gazetteer", "--gazetteer", "g.jsonl"], in: scratch.url)
        expectSuccess(run)
        #expect(run.stdoutText.contains("created 2 entities"))
        #expect(run.stdoutText.contains("recorded 1 name that is not an entity"))

        let written = try Self.entities(gazetteer)
        let zorbin = try #require(written["zorbin-quaylock"])
        #expect(zorbin["type"] as? String == "person")
        #expect(zorbin["given"] as? String == "Zorbin" && zorbin["family"] as? String == "Quaylock")
        let aliases = try #require(zorbin["aliases"] as? [Any])
        #expect(aliases.contains { ($0 as? String) == "Zorbyn Quaylock" }, "the alias-of row before it landed")
        #expect(aliases.contains { ($0 as? [String: String]) == ["text": "ゾルビン・クエイロック", "lang": "ja"] })
        #expect((zorbin["roles"] as? [String]) == ["Governor of Marbrand"])
        #expect((written["marbrand-port"]?["aliases"] as? [String]) == ["Port of Marbrand"])
        let negatives = try #require(written["ardent-kuss"]?["not"] as? [[String: Any]])
        #expect(negatives.count == 1 && negatives[0]["text"] as? String == "Ardent Kuss")
        #expect((negatives[0]["near"] as? [String]) == ["football", "striker"])

        // A second apply of the same review changes nothing.
        let before = try scratch.read("g.jsonl")
        let again = try OnomaTool.run(["gazetteer", "apply", "review.jsonl", "--no-default-gazetteer", "--gazetteer", "g.jsonl"], in: scratch.url)
        #expect(again.status == 0)
        #expect(again.stdoutText.contains("added 0 aliases to 0 entities, created 0 entities"))
        #expect(try scratch.read("g.jsonl") == before)

        // normalize: the new names resolve, and the refuted name is left alone near its words only.
        let text = "Zorbyn Quaylock met the Mayor Ardent Kuss.\nThe striker Ardent Kuss scored.\n"
        let normalized = try OnomaTool.run(["normalize", "--no-default-gazetteer", "--gazetteer", "g.jsonl", "--canonical"],
                                           stdin: Data(text.utf8), in: scratch.url)
        expectSuccess(normalized)
        #expect(normalized.stdoutText == "Zorbin Quaylock met the Mayor Ardent Kuss.\nThe striker Ardent Kuss scored.\n")
        let mayor = try OnomaTool.run(["explain", "Ardent Kuss", "--context", "Zorbyn Quaylock met the Mayor Ardent Kuss.",
                                       "--no-default-gazetteer", "--gazetteer", "g.jsonl"], in: scratch.url)
        #expect(mayor.stdoutText.contains("resolved") && !mayor.stdoutText.contains("unresolved") && !mayor.stdoutText.contains("ruled out"))
        let explained = try OnomaTool.run(["explain", "Ardent Kuss", "--context", "The striker Ardent Kuss scored.",
                                           "--no-default-gazetteer", "--gazetteer", "g.jsonl"], in: scratch.url)
        #expect(explained.stdoutText.contains("unresolved"))
        #expect(explained.stdoutText.contains("ruled out: the gazetteer records that \"Ardent Kuss\" near \"striker\" is not Ardent Kuss"))
        let json = try OnomaTool.run(["explain", "Ardent Kuss", "--context", "The striker Ardent Kuss scored.", "--format", "json",
                                      "--no-default-gazetteer", "--gazetteer", "g.jsonl"], in: scratch.url)
        #expect(json.stdoutText.contains("\"ruled_out\""))
    }

    @Test func badRowsAreRefusedWithTheirLinesAndNothingIsWritten() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.write("g.jsonl", Self.gazetteer)
        let review = try Self.row(["Zorbin Quaylock"], ["action": "new", "type": "person"])
            + Self.row(["Quaylock"], ["action": "alias-of nobody-here"])
            + Self.row(["Tovkach"], ["action": "new", "type": "city"])
            + Self.row(["Soriel"], ["action": "new", "id": "ardent-kuss"])
            + Self.row(["Kalinsk"], ["action": "not ardent-kuss", "near": 3])
            + Self.row(["Inner Quorvia"], ["action": "new", "aliases": [["lang": "zh"]]])
            + Self.row(["Marbrand"], ["action": "maybe"])
        _ = try scratch.write("review.jsonl", review)
        let run = try OnomaTool.run(["gazetteer", "apply", "review.jsonl", "--no-default-gazetteer", "--gazetteer", "g.jsonl"], in: scratch.url)
        #expect(run.status == 1)
        let errors = run.stderrText
        #expect(errors.contains("review.jsonl:2: no entity with id \"nobody-here\""))
        #expect(errors.contains("review.jsonl:3:") && errors.contains("\"type\" must be one of"))
        #expect(errors.contains("review.jsonl:4: id \"ardent-kuss\" already names Ardent Kuss"))
        #expect(errors.contains("review.jsonl:5: \"near\" must be"))
        #expect(errors.contains("review.jsonl:6:") && errors.contains("needs a non-empty \"text\""))
        #expect(errors.contains("review.jsonl:7: unknown action \"maybe\""))
        #expect(errors.contains("6 rows refused; nothing written"))
        #expect(try String(decoding: scratch.read("g.jsonl"), as: UTF8.self) == Self.gazetteer)

        // --skip-invalid applies the one good row.
        let skipped = try OnomaTool.run(["gazetteer", "apply", "review.jsonl", "--skip-invalid", "--no-default-gazetteer", "--gazetteer", "g.jsonl"],
                                        in: scratch.url)
        #expect(skipped.status == 0)
        #expect(skipped.stdoutText.contains("created 1 entity"))
        #expect(try Self.entities(scratch.path("g.jsonl"))["zorbin-quaylock"] != nil)
    }

    /// A namesake: a `new` row with its own id creates a second entity of the same name; without an id it is taken
    /// for the one the gazetteer holds.
    @Test func aNewRowWithItsOwnIdCreatesANamesake() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.write("g.jsonl", Self.gazetteer)
        let review = try Self.row(["Ardent Kuss"], ["action": "new", "type": "person", "id": "ardent-kuss-footballer"])
            + Self.row(["A. Kuss"], ["action": "alias-of ardent-kuss-footballer"])
            + Self.row(["Ardent Kuss"], ["action": "new", "type": "person"])
        _ = try scratch.write("review.jsonl", review)
        let run = try OnomaTool.run(["gazetteer", "apply", "review.jsonl", "--no-default-gazetteer", "--gazetteer", "g.jsonl"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderrText)")
        #expect(run.stdoutText.contains("created 1 entity"))
        #expect(run.stderrText.contains("review.jsonl:3: \"Ardent Kuss\" already exists as ardent-kuss; not created again"))
        let written = try Self.entities(scratch.path("g.jsonl"))
        #expect((written["ardent-kuss-footballer"]?["aliases"] as? [String]) == ["A. Kuss"])
    }
}

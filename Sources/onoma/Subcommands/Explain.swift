import ArgumentParser
import Onoma

extension OnomaCommand {
    /// `onoma explain NAME`: how a name is matched, and why it is resolved, ambiguous or unresolved.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how a name matches gazetteer entities, and why it is resolved, ambiguous or unresolved.",
            discussion: """
                Examples:
                  onoma explain "Lin Fangzheng"
                  onoma explain "Hiroichi Matsuno" --context "Chief Cabinet Secretary Hiroichi Matsuno said on Monday"
                  onoma explain Raymondo --format json
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "The name as it appears in the text.")
        var name: String

        @Option(help: "A sentence containing the name, so titles and earlier full names count as context.")
        var context: String?

        @Option(help: "text or json.")
        var format: Format = .text

        @OptionGroup var gazetteer: GazetteerOptions
        @OptionGroup var colors: ColorOptions

        func run() throws {
            let engine = try gazetteer.loadEngine()
            let explanation = engine.explain(name, context: context)
            switch format {
            case .json: print(JSONWriter.serialize(ExplanationJSON.object(explanation)))
            case .text: print(ExplanationJSON.text(explanation, color: colors.enabled(for: 1)), terminator: "")
            }
        }
    }
}

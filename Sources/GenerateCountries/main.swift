// Writes Data/gazetteer/countries.jsonl from ICU's CLDR region names (see CountryGazetteer in the library).
// Run from the package root: swift run generate-countries     (--stdout prints instead of writing)
import Foundation
import Onoma

let output = CountryGazetteer.jsonl()
if CommandLine.arguments.contains("--stdout") {
    print(output, terminator: "")
} else {
    let target = FileManager.default.currentDirectoryPath + "/Data/gazetteer/countries.jsonl"
    do {
        try output.write(toFile: target, atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("cannot write \(target): \(error)\n".utf8))
        exit(1)
    }
    print("wrote \(target) (\(output.split(separator: "\n").count) countries and territories)")
}

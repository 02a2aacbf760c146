// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Onoma",
    products: [
        .library(name: "Onoma", targets: ["Onoma"]),
        .executable(name: "onoma", targets: ["onoma"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // `swift package generate-documentation --target Onoma` builds the DocC catalog (Sources/Onoma/Onoma.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // `onoma serve`: the HTTP server, the thread pool engine work runs on, and the service group that handles
        // SIGTERM/SIGINT (graceful shutdown) and SIGHUP (reload).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        // ICU behind an opaque C interface: Swift never sees ICU's own types or macro-renamed functions.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // zlib's gz reader behind an opaque C interface, for gzip-compressed Wikidata dumps.
        .target(name: "CZlib", linkerSettings: [.linkedLibrary("z")]),
        // The engine: gazetteer, keys, spotting, matching, decision, rewriting. No command-line code.
        .target(name: "Onoma", dependencies: ["CICU", "CZlib"]),
        // The HTTP JSON service behind `onoma serve`: routes, request parsing, the reloadable engine. The engine
        // library stays free of HTTP code; the command-line code stays free of routes.
        .target(
            name: "OnomaService",
            dependencies: [
                "Onoma",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command-line tool: one file per subcommand.
        .executableTarget(
            name: "onoma",
            dependencies: ["Onoma", "OnomaService", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            plugins: ["GitRevision"]
        ),
        // Records the checkout's git revision for `onoma --version`.
        .plugin(name: "GitRevision", capability: .buildTool()),
        // The fuzz target (Scripts/fuzz.sh builds it under libFuzzer); a normal build replays saved inputs.
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "onoma-fuzz", dependencies: ["Onoma", "CFuzzerDriver"], path: "Sources/onoma-fuzz"),
        // Rebuilds Sources/Onoma/Generated/BuiltinData.swift from Data/ (run: swift run generate-builtin-data).
        .executableTarget(name: "generate-builtin-data", path: "Sources/GenerateBuiltinData"),
        // Regenerates Data/gazetteer/countries.jsonl from ICU's CLDR region names (run: swift run generate-countries).
        .executableTarget(name: "generate-countries", dependencies: ["Onoma"], path: "Sources/GenerateCountries"),
        .testTarget(name: "OnomaTests", dependencies: ["Onoma", .product(name: "PropertyBased", package: "swift-property-based")],
                    exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "OnomaCLITests", dependencies: ["onoma", "onoma-fuzz"], exclude: ["Golden"]),
    ]
)

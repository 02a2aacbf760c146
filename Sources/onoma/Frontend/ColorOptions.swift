import ArgumentParser
import Foundation

/// When to color terminal output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// `--color auto|always|never`, for the commands whose terminal output has color or a progress line.
struct ColorOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Color terminal output: auto (the default: on a terminal, unless NO_COLOR is set or TERM is dumb), always or never.",
                               valueName: "when"))
    var color: ColorChoice = .auto

    /// Whether output to file descriptor `fd` gets ANSI colors.
    func enabled(for fd: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        Self.enabled(color, terminal: isatty(fd) == 1, environment: environment)
    }

    /// `always` and `never` say so; `auto` colors a terminal unless `NO_COLOR` is set to anything but the empty
    /// string (no-color.org) or `TERM` is `dumb`.
    static func enabled(_ choice: ColorChoice, terminal: Bool, environment: [String: String]) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto: return terminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }

    /// Whether standard error can show a progress line redrawn in place (a terminal that knows the escape codes).
    static func canRedrawProgress(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isatty(2) == 1 && environment["TERM"] != "dumb"
    }
}

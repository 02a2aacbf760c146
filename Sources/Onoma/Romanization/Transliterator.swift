import CICU

/// An error raised while compiling a transliterator or rule set.
package struct TransliterationError: Error, CustomStringConvertible, Sendable {
    /// What was being compiled: a system ID or a rule file's name.
    package let source: String
    /// ICU's name for the failure (e.g. `U_MALFORMED_RULE`).
    package let icuError: String
    /// 1-based line of a rule syntax error, when ICU reports one.
    package let line: Int?

    package var description: String {
        if let line { return "\(source): line \(line): ICU rule error \(icuError)" }
        return "\(source): ICU error \(icuError)"
    }
}

/// A compiled ICU transliterator: either a system one (by ID) or one compiled from rule text.
///
/// Instances are immutable once compiled, but ICU's transliterator objects are not documented as safe for
/// concurrent use, so each call is serialized by the caller (keys are derived at load time, on one thread).
package final class Transliterator: @unchecked Sendable {
    private let handle: OpaquePointer
    /// The system ID or rule-set name this transliterator was built from.
    package let name: String

    /// Opens a system transliterator by its ICU ID, e.g. `"Han-Latin/Names"` or `"Hiragana-Latin"`.
    package convenience init(id: String) throws {
        try self.init(name: id, rules: nil)
    }

    /// Compiles ICU transform rules (the syntax of ICU's rule-based transliterator) under `name`.
    package convenience init(name: String, rules: String) throws {
        try self.init(name: name, rules: Optional(rules))
    }

    private init(name: String, rules: String?) throws {
        self.name = name
        var code: Int32 = 0, line: Int32 = 0, offset: Int32 = 0
        let idUnits = Array(name.utf16)
        let pointer: OpaquePointer? = idUnits.withUnsafeBufferPointer { idBuffer in
            if let rules {
                let ruleUnits = Array(rules.utf16)
                return ruleUnits.withUnsafeBufferPointer { ruleBuffer in
                    onoma_translit_open(idBuffer.baseAddress, Int32(idBuffer.count),
                                        ruleBuffer.baseAddress, Int32(ruleBuffer.count), &code, &line, &offset)
                }
            }
            return onoma_translit_open(idBuffer.baseAddress, Int32(idBuffer.count), nil, 0, &code, &line, &offset)
        }
        guard let pointer else {
            throw TransliterationError(source: name, icuError: Self.errorName(code), line: line > 0 ? Int(line) : nil)
        }
        handle = pointer
    }

    deinit { onoma_translit_close(handle) }

    /// Transliterates `text`. Returns the input unchanged if ICU reports a failure (it does not for valid UTF-16).
    package func callAsFunction(_ text: String) -> String {
        let input = Array(text.utf16)
        var capacity = input.count * 4 + 32
        while true {
            var buffer = input + [UInt16](repeating: 0, count: capacity - input.count)
            var code: Int32 = 0
            let length = buffer.withUnsafeMutableBufferPointer {
                onoma_translit_run(handle, $0.baseAddress, Int32(input.count), Int32(capacity), &code)
            }
            if length < 0 { return text }
            if Int(length) <= capacity {
                return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
            }
            capacity = Int(length) + 16
        }
    }

    private static func errorName(_ code: Int32) -> String {
        var chars = [CChar](repeating: 0, count: 64)
        onoma_icu_error_name(code, &chars, Int32(chars.count))
        let bytes = chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

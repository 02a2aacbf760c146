#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Onoma

/// Reading inputs and writing outputs without leaving anything half-written.
enum Files {
    /// Writes a warning to standard error: `onoma: message`.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("onoma: \(message)\n".utf8))
    }

    /// Reads a file (or standard input for nil) and checks it is UTF-8.
    static func readText(_ path: String?) throws -> String {
        let data: Data
        let label = path ?? "<stdin>"
        if let path {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure("\(path): no such file")
            }
            if isDirectory.boolValue { throw CommandFailure("\(path): is a directory") }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CommandFailure("\(path): cannot read the file")
            }
            data = contents
        } else {
            // Typed input is rarely meant: say what is happening rather than seem to hang.
            if isatty(STDIN_FILENO) == 1 {
                warn("reading standard input; type text and end it with Ctrl-D, or name a file (see --help)")
            }
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let bytes = [UInt8](data)
        if let offset = UTF8Validation.firstInvalidByte(bytes) {
            throw CommandFailure("\(label): not UTF-8: invalid byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at byte offset \(offset)")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Fails unless `path` (if any) can be written: its folder exists and is writable, and it is not a folder.
    static func checkWritable(_ path: String?) throws {
        guard let path else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw CommandFailure("\(path): is a directory") }
            if !FileManager.default.isWritableFile(atPath: path) { throw CommandFailure("\(path): cannot write: permission denied") }
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure("\(path): cannot write: no folder \(directory)")
        }
        if !FileManager.default.isWritableFile(atPath: directory) { throw CommandFailure("\(path): cannot write: permission denied") }
    }

    /// An output prepared before anything is written: a regular file (or a new one, or what a symlink names) is
    /// staged beside its target with the target's permissions; a terminal, a pipe or a device is written at commit.
    struct Output {
        let path: String?
        private let staged: DurableFile.Staged?
        private let data: Data

        init(_ text: String, to path: String?) throws {
            self.path = path
            data = Data(text.utf8)
            guard let path else { staged = nil; return }
            do {
                let target = try DurableFile.target(of: path)
                var info = stat()
                let special = stat(target, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG
                staged = special ? nil : try DurableFile.Staged([UInt8](data), for: target)
            } catch let error as DurableFileError {
                throw CommandFailure("\(path): cannot write: \(error.message)")
            }
        }

        /// Whether the output waits in a temporary file beside its target.
        var isStaged: Bool { staged != nil }

        /// Puts the output in place (or writes it to the terminal, pipe or device).
        func commit() throws {
            guard let path else {
                FileHandle.standardOutput.write(data)
                return
            }
            do {
                if let staged {
                    try staged.commit()
                } else {
                    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                    defer { try? handle.close() }
                    try handle.write(contentsOf: data)
                }
            } catch let error as DurableFileError {
                throw CommandFailure("\(path): cannot write: \(error.message)")
            } catch {
                throw CommandFailure("\(path): cannot write: \(error.localizedDescription)")
            }
        }
    }

    /// Writes `text` to `path` atomically (a temporary file renamed into place), or to standard output for nil.
    static func write(_ text: String, to path: String?) throws {
        try Output(text, to: path).commit()
    }

    /// Writes several outputs so that either all are written or none: each is staged first, then all are put in
    /// place (a full disk while staging the report leaves the text unwritten too).
    static func writeAll(_ outputs: [(text: String, path: String?)]) throws {
        // Devices and pipes first (a full disk behind /dev/full fails before any file is replaced), then the staged
        // files, then standard output.
        let prepared = try outputs.map { try Output($0.text, to: $0.path) }
        func order(_ o: Output) -> Int { o.path == nil ? 2 : (o.isStaged ? 1 : 0) }
        for output in prepared.sorted(by: { order($0) < order($1) }) {
            try output.commit()
        }
    }
}

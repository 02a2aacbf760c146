import Foundation
import Onoma

/// Reading inputs and writing outputs without leaving anything half-written.
enum Files {
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

    /// Writes `text` to `path` atomically (a temporary file renamed into place), or to standard output for nil.
    static func write(_ text: String, to path: String?) throws {
        let data = Data(text.utf8)
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: path)
        do {
            // A regular file (or a new one) is replaced atomically: readers see the old or the new file, never a
            // torn one. Anything else (a terminal, a pipe, /dev/stderr) is written in place.
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let type = attributes?[.type] as? FileAttributeType
            if attributes == nil || type == .typeRegular {
                try data.write(to: url.resolvingSymlinksInPath(), options: .atomic)
            } else {
                let handle = try FileHandle(forWritingTo: url)
                defer { try? handle.close() }
                try handle.write(contentsOf: data)
            }
        } catch {
            throw CommandFailure("\(path): cannot write: \(error.localizedDescription)")
        }
    }
}

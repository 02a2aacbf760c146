#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An error while reading or writing a file durably.
public struct DurableFileError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}

/// Read-modify-write of a text file that never corrupts it and loses no concurrent update:
/// an exclusive lock on a companion `.lock` file serializes writers; the new content goes to a temporary file in
/// the same folder, is flushed to disk, and is renamed over the old one (then the folder is flushed), so a reader
/// or a writer killed at any moment sees the old file or the new one, never a torn one.
public enum DurableFile {
    /// Locks `path`, passes its current text (empty if it does not exist) to `transform`, and writes back what
    /// `transform` returns (nothing is written if it returns nil). Returns `transform`'s second result.
    public static func update<Result>(_ path: String, _ transform: (String) throws -> (String?, Result)) throws -> Result {
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let lockPath = path + ".lock"
        let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0 else { throw DurableFileError(path: lockPath, message: "cannot open lock file: \(errnoText())") }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            if errno != EINTR { throw DurableFileError(path: lockPath, message: "cannot lock: \(errnoText())") }
        }
        defer { flock(lock, LOCK_UN) }
        removeStaleTemporaries(of: path, in: directory)

        var current = ""
        if FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DurableFileError(path: path, message: "cannot read the file")
            }
            let bytes = [UInt8](data)
            if let offset = UTF8Validation.firstInvalidByte(bytes) {
                throw DurableFileError(path: path, message: "not UTF-8 (invalid byte at offset \(offset))")
            }
            current = String(decoding: bytes, as: UTF8.self)
        }
        let (replacement, result) = try transform(current)
        if let replacement, replacement != current {
            try writeAtomically(replacement, to: path, directory: directory)
        }
        return result
    }

    /// Writes `text` to a temporary file beside `path`, flushes it, renames it over `path` and flushes the folder.
    static func writeAtomically(_ text: String, to path: String, directory: String) throws {
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw DurableFileError(path: temporary, message: "cannot create: \(errnoText())") }
        var ok = false
        defer { if !ok { unlink(temporary) } }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                close(fd)
                throw DurableFileError(path: temporary, message: "cannot write: \(errnoText())")
            }
            written += n
        }
        guard fsync(fd) == 0 else {
            close(fd)
            throw DurableFileError(path: temporary, message: "cannot flush: \(errnoText())")
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            throw DurableFileError(path: path, message: "cannot replace: \(errnoText())")
        }
        ok = true
        let dirfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 { fsync(dirfd); close(dirfd) }
    }

    /// Temporary files are only created while the lock is held, so any found under the lock were left by a
    /// writer that was killed before its rename: they never held the only copy of anything, and are removed.
    static func removeStaleTemporaries(of path: String, in directory: String) {
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            unlink(directory + "/" + name)
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An error while reading or writing a file durably.
package struct DurableFileError: Error, CustomStringConvertible, Sendable {
    package let path: String
    package let message: String
    package var description: String { "\(path): \(message)" }
}

/// Read-modify-write of a text file that never corrupts it and loses no concurrent update:
/// an exclusive lock on a companion `.lock` file serializes writers; the new content goes to a temporary file in
/// the same folder, is flushed to disk, and is renamed over the old one (then the folder is flushed), so a reader
/// or a writer killed at any moment sees the old file or the new one, never a torn one.
package enum DurableFile {
    /// Locks `path`, passes its current text (empty if it does not exist) to `transform`, and writes back what
    /// `transform` returns (nothing is written if it returns nil). Returns `transform`'s second result.
    /// A symlink is followed to the file it names, so the link stays a link and every writer, through the link or
    /// not, takes the same lock; a file with other hard links is refused, since renaming over it would split them.
    ///
    /// When another writer holds the lock, `waiting` is called once (to say so), and the write waits for it: at most
    /// `lockTimeout` seconds if given, then it fails naming the lock file.
    package static func update<Result>(_ path: String, lockTimeout: Double? = nil, waiting: (() -> Void)? = nil,
                                      _ transform: (String) throws -> (String?, Result)) throws -> Result {
        let path = try target(of: path)
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let lockPath = path + ".lock"
        let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0 else { throw DurableFileError(path: lockPath, message: "cannot open lock file: \(errnoText())") }
        defer { close(lock) }
        try acquire(lock, lockPath: lockPath, timeout: lockTimeout, waiting: waiting)
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
        // Bytes, not String equality: an NFC name made NFD is canonically equal and still a change to write.
        if let replacement, !replacement.utf8.elementsEqual(current.utf8) {
            try Staged(Array(replacement.utf8), for: path).commit()
        }
        return result
    }

    /// Takes the exclusive lock: at once if free; else after `waiting()`, blocking, or polling until `timeout`.
    private static func acquire(_ lock: Int32, lockPath: String, timeout: Double?, waiting: (() -> Void)?) throws {
        while flock(lock, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            guard errno == EWOULDBLOCK else {
                throw DurableFileError(path: lockPath, message: "cannot lock: \(errnoText())")
            }
            waiting?()
            guard let timeout else {
                while flock(lock, LOCK_EX) != 0 {
                    if errno != EINTR { throw DurableFileError(path: lockPath, message: "cannot lock: \(errnoText())") }
                }
                return
            }
            let deadline = Date().addingTimeInterval(timeout)
            while flock(lock, LOCK_EX | LOCK_NB) != 0 {
                if errno != EWOULDBLOCK && errno != EINTR {
                    throw DurableFileError(path: lockPath, message: "cannot lock: \(errnoText())")
                }
                if Date() >= deadline {
                    throw DurableFileError(path: lockPath, message: "another writer still holds the lock after "
                        + "\(timeout) s; nothing was written")
                }
                usleep(50_000)
            }
            return
        }
    }

    /// The file `path` names: itself, or what its chain of symlinks ends at (which may not exist yet). Fails for a
    /// regular file with more than one hard link.
    package static func target(of path: String) throws -> String {
        var info = stat()
        if stat(path, &info) == 0 {
            // It exists: a device or a pipe (/dev/stderr) is written where it is; a regular file at its real path.
            guard (info.st_mode & S_IFMT) == S_IFREG else { return path }
            if info.st_nlink > 1 {
                throw DurableFileError(path: path, message: "has \(info.st_nlink) hard links; replacing it would separate "
                    + "them (write to a new file, or remove the other links first)")
            }
            guard let resolved = realpath(path, nil) else { return path }
            defer { free(resolved) }
            return String(cString: resolved)
        }
        // It does not exist yet, or is a link to nothing: follow the links to where the file will be created.
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else { return current } // does not exist: create it here
            if (info.st_mode & S_IFMT) == S_IFLNK {
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let n = readlink(current, &buffer, buffer.count - 1)
                guard n >= 0 else { throw DurableFileError(path: current, message: "cannot read the link: \(errnoText())") }
                let destination = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                current = destination.hasPrefix("/") ? destination
                    : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFREG && info.st_nlink > 1 {
                throw DurableFileError(path: path, message: "has \(info.st_nlink) hard links; replacing it would separate "
                    + "them (write to a new file, or remove the other links first)")
            }
            return current
        }
        throw DurableFileError(path: path, message: "too many levels of symbolic links")
    }

    /// A file's new content, staged in a temporary file beside the target with the target's permissions and owner
    /// (or the default ones for a new file), then put in place by `commit()` in one rename. Dropping it uncommitted
    /// removes the temporary file, so nothing is half-written.
    package final class Staged {
        private let stream: StagedStream
        /// The file that `commit()` replaces (symlinks followed).
        package var path: String { stream.path }

        /// Stages `bytes` for `path`.
        package init(_ bytes: [UInt8], for path: String) throws {
            stream = try StagedStream(for: path)
            try bytes.withUnsafeBytes { try stream.write($0) }
            try stream.sync()
        }

        /// Renames the staged file over the target and flushes the folder.
        package func commit() throws { try stream.commit() }
    }

    /// A file's new content written in parts to a temporary file beside the target (with the target's permissions
    /// and owner, or the default ones for a new file), then flushed to disk and put in place by `commit()` in one
    /// rename. Dropping it uncommitted removes the temporary file, so nothing is half-written.
    package final class StagedStream {
        /// The file that `commit()` replaces (symlinks followed).
        package let path: String
        let temporary: String
        let directory: String
        /// The temporary file, open for writing (until `commit()`).
        package let fd: Int32
        private var closed = false
        private var done = false

        /// Creates the temporary file for `path`.
        package init(for path: String) throws {
            self.path = try DurableFile.target(of: path)
            let folder = (self.path as NSString).deletingLastPathComponent
            directory = folder.isEmpty ? "." : folder
            temporary = "\(self.path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            var existing = stat()
            let exists = stat(self.path, &existing) == 0
            // A new file gets the usual 0666 less the umask (the kernel applies it); a replaced one its own mode.
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? 0o600 : 0o666)
            guard fd >= 0 else { throw DurableFileError(path: temporary, message: "cannot create: \(DurableFile.errnoText())") }
            if exists {
                // Keep who may read the file: a 0600 file stays 0600, and its owner and group stay if we may.
                _ = fchown(fd, existing.st_uid, existing.st_gid)
                fchmod(fd, existing.st_mode & 0o7777)
            }
        }

        /// Appends `bytes` to the temporary file.
        package func write(_ bytes: UnsafeRawBufferPointer) throws {
            guard POSIXWrite.all(fd, bytes) else {
                throw DurableFileError(path: path, message: "cannot write: \(DurableFile.errnoText())")
            }
        }

        /// Flushes the temporary file to disk and closes it (nothing more can be written).
        package func sync() throws {
            guard !closed else { return }
            guard fsync(fd) == 0 else { throw DurableFileError(path: path, message: "cannot flush: \(DurableFile.errnoText())") }
            close(fd)
            closed = true
        }

        /// Flushes the temporary file to disk, renames it over the target and flushes the folder.
        package func commit() throws {
            guard !done else { return }
            try sync()
            guard rename(temporary, path) == 0 else {
                throw DurableFileError(path: path, message: "cannot replace: \(DurableFile.errnoText())")
            }
            done = true
            let dirfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if dirfd >= 0 { fsync(dirfd); close(dirfd) }
        }

        deinit {
            if !closed { close(fd) }
            if !done { unlink(temporary) }
        }
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

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// Writing a whole buffer to a file descriptor.
package enum POSIXWrite {
    /// Writes all of `bytes` to `fd` (again after an interruption or a short write); false on an error (`errno`).
    package static func all(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var written = 0
        while written < bytes.count {
            #if canImport(Glibc)
            let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            #else
            let n = Darwin.write(fd, bytes.baseAddress! + written, bytes.count - written)
            #endif
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            written += n
        }
        return true
    }
}

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

/// An input of `onoma normalize`, open for reading in chunks: a file, or standard input.
final class InputStream {
    /// The name messages give it: the path, or `<stdin>`.
    let label: String
    /// The path (nil: standard input).
    let path: String?
    private var fd: Int32 = -1
    /// Where reading begins (standard input may already have been read from).
    private var start: off_t = 0
    /// Whether it can be read again from the start (a regular file).
    private var isRewindable = false
    /// Whether it is read from a temporary copy (`spool()`).
    private var spooled = false

    /// Checks that `path` (nil: standard input) can be read, failing with the messages `Files.readText` gives; the
    /// file is opened when it is first read (so that many inputs do not hold many descriptors).
    init(_ path: String?) throws {
        self.path = path
        label = path ?? "<stdin>"
        if let path {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure("\(path): no such file")
            }
            if isDirectory.boolValue { throw CommandFailure("\(path): is a directory") }
            guard FileManager.default.isReadableFile(atPath: path) else { throw CommandFailure("\(path): cannot read the file") }
        }
    }

    /// Opens the input if it is not open yet.
    private func openIfNeeded() throws {
        guard fd < 0 else { return }
        if let path {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw CommandFailure("\(path): cannot read the file") }
        } else {
            // Typed input is rarely meant: say what is happening rather than seem to hang.
            if isatty(STDIN_FILENO) == 1 {
                Files.warn("reading standard input; type text and end it with Ctrl-D, or name a file (see --help)")
            }
            fd = STDIN_FILENO
        }
        var info = stat()
        isRewindable = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        if isRewindable {
            start = lseek(fd, 0, SEEK_CUR)
            if start < 0 { isRewindable = false; start = 0 }
        }
    }

    /// Closes the input (it is opened again if read again).
    func close() {
        guard fd >= 0, path != nil, !spooled else { return }
        posixClose(fd)
        fd = -1
    }

    deinit { if fd >= 0 && fd != STDIN_FILENO { posixClose(fd) } }

    /// Copies the input to an anonymous temporary file (in TMPDIR) and reads that from now on, so it can be read
    /// twice: once to check it, once to normalize it.
    func spool() throws {
        try openIfNeeded()
        guard !isRewindable else { return }
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/onoma-input-XXXXXX".utf8CString)
        let copy = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard copy >= 0 else { throw CommandFailure("\(label): cannot copy to a temporary file in \(folder): \(Self.errnoText())") }
        unlink(String(cString: template))
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = try buffer.withUnsafeMutableBytes { try read(into: $0) }
            if n == 0 { break }
            guard buffer.withUnsafeBytes({ POSIXWrite.all(copy, UnsafeRawBufferPointer(rebasing: $0[..<n])) }) else {
                let message = Self.errnoText()
                posixClose(copy)
                throw CommandFailure("\(label): cannot copy to a temporary file in \(folder): \(message)")
            }
        }
        if fd != STDIN_FILENO { posixClose(fd) }
        fd = copy
        start = 0
        isRewindable = true
        spooled = true
    }

    /// Goes back to the start, to read the input again.
    func rewind() {
        guard fd >= 0 else { return }
        // A named file is opened again, from its start; standard input or a copy is read again from where it began.
        if path != nil && !spooled { close() } else if isRewindable { lseek(fd, start, SEEK_SET) }
    }

    /// Reads up to `buffer.count` bytes; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try openIfNeeded()
        while true {
            let n = posixRead(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw CommandFailure("\(label): cannot read: \(Self.errnoText())")
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// An output of `onoma normalize` written as it is made: a regular file (or a new one, or what a symlink names) is
/// written to a temporary file beside it and renamed over it by `commit()` (dropped uncommitted, the temporary file
/// is removed, so a failure leaves the old file as it was); standard output, a terminal, a pipe or a device is
/// written as it goes.
final class StreamOutput {
    /// The path (nil: standard output).
    let path: String?
    private let staged: DurableFile.StagedStream?
    private let fd: Int32
    private var buffer = [UInt8]()
    private static let flushSize = 1 << 20

    /// Whether `path` would be staged (a regular file, or none yet) rather than written as it goes.
    static func isStaged(_ path: String?) -> Bool {
        guard let path else { return false }
        var info = stat()
        return !(stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG)
    }

    /// Opens the output at `path` (nil: standard output).
    init(_ path: String?) throws {
        self.path = path
        buffer.reserveCapacity(Self.flushSize + (1 << 16))
        guard let path else { staged = nil; fd = STDOUT_FILENO; return }
        do {
            let target = try DurableFile.target(of: path)
            if Self.isStaged(target) {
                let stream = try DurableFile.StagedStream(for: target)
                staged = stream
                fd = stream.fd
            } else {
                staged = nil
                fd = open(path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { throw CommandFailure("\(path): cannot write: \(InputStream.errnoText())") }
            }
        } catch let error as DurableFileError {
            throw CommandFailure("\(path): cannot write: \(error.message)")
        }
    }

    deinit { if staged == nil && path != nil { close(fd) } }

    /// Writes `text` (buffered).
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes what is buffered.
    func flush() throws {
        guard buffer.withUnsafeBytes({ POSIXWrite.all(fd, $0) }) else {
            throw CommandFailure("\(path ?? "<stdout>"): cannot write: \(InputStream.errnoText())")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the rest and, for a staged file, puts it in place.
    func commit() throws {
        try flush()
        do { try staged?.commit() } catch let error as DurableFileError {
            throw CommandFailure("\(path ?? "<stdout>"): cannot write: \(error.message)")
        }
    }
}

private func posixRead(_ fd: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, bytes, count)
    #else
    Darwin.read(fd, bytes, count)
    #endif
}

private func posixClose(_ fd: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(fd)
    #else
    _ = Darwin.close(fd)
    #endif
}

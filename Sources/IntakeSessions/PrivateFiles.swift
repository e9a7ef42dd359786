import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files only their owner can read: 0600 files in 0700 directories, written atomically
/// (temporary file, fsync, rename) so a crash leaves either the old file or the new one.
public enum PrivateFiles {
  public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// The file was not written because one of that name exists.
    public var exists = false
    public var description: String { "\(path): \(reason)" }

    public init(path: String, reason: String, exists: Bool = false) {
      self.path = path
      self.reason = reason
      self.exists = exists
    }
  }

  /// Creates `directory` (and its parents) and makes it 0700. A folder that is a symbolic link
  /// or belongs to someone else is refused, with the reason: answers never go where another
  /// user pointed them.
  public static func ensureDirectory(_ directory: URL) throws(Failure) {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw Failure(path: directory.path, reason: reason(errno))
    }
    try checkOwnDirectory(directory.path)
    if chmod(directory.path, 0o700) != 0 { throw Failure(path: directory.path, reason: reason(errno)) }
  }

  /// Refuses a path that is a symbolic link, not a directory, or not the user's own.
  public static func checkOwnDirectory(_ path: String) throws(Failure) {
    var info = stat()
    guard lstat(path, &info) == 0 else { throw Failure(path: path, reason: reason(errno)) }
    if (info.st_mode & S_IFMT) == S_IFLNK { throw Failure(path: path, reason: "is a symbolic link; refusing to write there") }
    if (info.st_mode & S_IFMT) != S_IFDIR { throw Failure(path: path, reason: "is not a folder") }
    if info.st_uid != getuid() { throw Failure(path: path, reason: "belongs to another user; refusing to write there") }
  }

  /// Replaces `url` with `data` atomically; the file is 0600.
  public static func writeAtomically(_ data: Data, to url: URL) throws(Failure) {
    try ensureDirectory(url.deletingLastPathComponent())
    try replace(url, with: data)
  }

  /// Replaces `url` with `data` atomically (0600) in a folder the user chose, whose mode is
  /// left as it is (a report written into the current folder must not make it private).
  public static func replace(_ url: URL, with data: Data) throws(Failure) {
    let temporary = try writeTemporary(data, beside: url)
    guard rename(temporary.path, url.path) == 0 else {
      let failure = Failure(path: url.path, reason: reason(errno))
      unlink(temporary.path)
      throw failure
    }
    syncDirectory(of: url)
  }

  /// Writes `data` to `url` (0600) whole or not at all, and never over an existing file: the
  /// data is written beside it first, then linked to the name, which fails if it exists.
  /// - Throws: `Failure` with `exists` true when the name is taken.
  public static func createAtomically(_ url: URL, with data: Data) throws(Failure) {
    let temporary = try writeTemporary(data, beside: url)
    defer { unlink(temporary.path) }
    guard link(temporary.path, url.path) == 0 else {
      throw Failure(path: url.path, reason: reason(errno), exists: errno == EEXIST)
    }
    syncDirectory(of: url)
  }

  /// A new 0600 file beside `url` holding `data`, flushed to disk.
  private static func writeTemporary(_ data: Data, beside url: URL) throws(Failure) -> URL {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    // Never through a planted link: a stale name is removed (unlink does not follow links),
    // then created anew, exclusively.
    unlink(temporary.path)
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
    guard fd >= 0 else { throw Failure(path: url.path, reason: reason(errno)) }
    do throws(Failure) {
      try writeAll(data, to: fd, path: temporary.path)
      guard fsync(fd) == 0 else { throw Failure(path: temporary.path, reason: reason(errno)) }
    } catch {
      close(fd)
      unlink(temporary.path)
      throw error
    }
    close(fd)
    return temporary
  }

  /// Makes a rename or link in `url`'s folder durable.
  private static func syncDirectory(of url: URL) {
    let directoryFD = open(url.deletingLastPathComponent().path, O_RDONLY)
    if directoryFD >= 0 {
      fsync(directoryFD)
      close(directoryFD)
    }
  }

  /// Writes `data` to a new file named `stem` + `suffix` in `directory`, never replacing an
  /// existing file: `stem-2`, `stem-3`, … are tried instead. Returns the file written.
  public static func createNew(_ data: Data, in directory: URL, stem: String, suffix: String) throws(Failure) -> URL {
    try? ensureDirectoryKeepingMode(directory)
    for attempt in 1...999 {
      let name = attempt == 1 ? stem + suffix : "\(stem)-\(attempt)\(suffix)"
      let url = directory.appendingPathComponent(name)
      let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
      if fd < 0 {
        if errno == EEXIST { continue }
        throw Failure(path: url.path, reason: reason(errno))
      }
      do throws(Failure) {
        try writeAll(data, to: fd, path: url.path)
        fchmod(fd, 0o600)
        guard fsync(fd) == 0 else { throw Failure(path: url.path, reason: reason(errno)) }
      } catch {
        // A draft that could not be written whole is not left under its name.
        close(fd)
        unlink(url.path)
        throw error
      }
      guard close(fd) == 0 else {
        let failure = Failure(path: url.path, reason: reason(errno))
        unlink(url.path)
        throw failure
      }
      return url
    }
    throw Failure(path: directory.appendingPathComponent(stem + suffix).path, reason: "too many files with this name")
  }

  /// Creates a directory the user named (for drafts) without changing an existing one's mode.
  private static func ensureDirectoryKeepingMode(_ directory: URL) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue { return }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
  }

  private static func writeAll(_ data: Data, to fd: Int32, path: String) throws(Failure) {
    var offset = 0
    let bytes = [UInt8](data)
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        throw Failure(path: path, reason: reason(errno))
      }
      offset += written
    }
  }

  static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}

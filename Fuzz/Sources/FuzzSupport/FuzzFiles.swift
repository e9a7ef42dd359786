import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Private temporary files for targets whose entry points read files: made once per process
/// under `$TMPDIR`, rewritten for each input, and removed when the process exits.
public enum FuzzFiles {
  /// A private folder for this process (0700), removed at exit.
  public static let folder: URL = {
    let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array((base + "/crs-intake-fuzz.XXXXXX").utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }) else {
      fatalError("no temporary folder under \(base): errno \(errno)")
    }
    let path = String(cString: made)
    atexit { FuzzFiles.removeFolder() }
    return URL(fileURLWithPath: path, isDirectory: true)
  }()

  /// An open file with no name (made in `folder` and unlinked at once).
  public static func unnamedFile() -> Int32 {
    let path = folder.appendingPathComponent("unnamed").path
    let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
    guard fd >= 0 else { fatalError("cannot create \(path): errno \(errno)") }
    unlink(path)
    return fd
  }

  /// Replaces the file at `url` (under `folder`) with `bytes`, creating its folder if needed.
  public static func replace(_ url: URL, with bytes: UnsafeBufferPointer<UInt8>) {
    let directory = url.deletingLastPathComponent().path
    if access(directory, F_OK) != 0 {
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      } catch {
        fatalError("cannot create \(directory): \(error)")
      }
    }
    let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o600)
    guard fd >= 0 else { fatalError("cannot write \(url.path): errno \(errno)") }
    defer { close(fd) }
    guard let start = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let written = write(fd, start + offset, bytes.count - offset)
      guard written > 0 else { fatalError("cannot write \(url.path): errno \(errno)") }
      offset += written
    }
  }

  static func removeFolder() {
    try? FileManager.default.removeItem(at: folder)
  }
}

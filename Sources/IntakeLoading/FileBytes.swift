import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file. `FileManager.contents(atPath:)` is not used for data files: on Linux it
/// leaks a 4 KiB buffer for every empty file it reads (found by the `yaml` fuzz target), and a
/// rule, locale or cache file may well be empty.
enum FileBytes {
  /// The file's bytes, or nil when it cannot be opened or read (missing, a folder, no right).
  static func contents(of path: String) -> Data? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if count == 0 { return data }
      data.append(contentsOf: chunk[0..<count])
    }
  }
}

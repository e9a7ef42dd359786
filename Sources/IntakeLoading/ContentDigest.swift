import Foundation

/// A running FNV-1a hash of the files a loader reads, fed as it reads them, so the rules
/// version costs no second read.
final class ContentDigest {
  private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Starts over, for a new load.
  func reset() {
    hash = 0xcbf2_9ce4_8422_2325
  }

  /// Adds one file: its display path, a separator, and its bytes (none when unreadable).
  func add(path: String, contents: Data?) {
    for byte in Array(path.utf8) + [0] { mix(byte) }
    contents?.withUnsafeBytes { raw in for byte in raw { mix(byte) } }
  }

  private func mix(_ byte: UInt8) {
    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
  }

  /// `1-` and sixteen hexadecimal digits.
  var version: String {
    let hex = String(hash, radix: 16)
    return "1-" + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
  }
}

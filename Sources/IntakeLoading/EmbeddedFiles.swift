import Foundation

/// Data files compiled into the binary, by relative path. They are stored as Base64 text (any
/// bytes survive, even a file that is not valid UTF-8, so a broken file still builds and
/// `check` reports it) and decoded only when read: a start from the cache decodes nothing.
public struct EmbeddedFiles: Sendable {
  private let encoded: [String: String]
  private let plain: [String: Data]
  /// Every relative path, sorted.
  public let paths: [String]
  /// `digest` as the generator computed it at build time, so a start computes nothing.
  private let knownDigest: String?

  /// Files as Base64 text, as the build-time generator writes them.
  public init(base64 files: [(path: String, base64: String)], digest: String? = nil) {
    encoded = Dictionary(files.map { ($0.path, $0.base64) }, uniquingKeysWith: { first, _ in first })
    plain = [:]
    paths = encoded.keys.sorted()
    knownDigest = digest
  }

  /// Files as bytes.
  public init(files: [String: Data]) {
    encoded = [:]
    plain = files
    paths = files.keys.sorted()
    knownDigest = nil
  }

  /// What identifies this content, as the key of the data cache: FNV-1a over each path, a zero
  /// byte and its encoded text, in path order (about a millisecond for the shipped data).
  public var digest: String {
    knownDigest ?? computedDigest
  }

  /// `digest` computed from the files, as `crs-intake-embed` computes it.
  public var computedDigest: String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }
    for path in paths {
      mix(path.utf8)
      mix(CollectionOfOne(0))
      if let text = encoded[path] {
        mix(text.utf8)
      } else if let data = plain[path] {
        mix(data)
      }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: max(0, 16 - hex.count)) + hex
  }

  /// The bytes of the file at `path`, or nil when there is none.
  public func contents(_ path: String) -> Data? {
    if let data = plain[path] { return data }
    return encoded[path].flatMap { Data(base64Encoded: $0) }
  }
}

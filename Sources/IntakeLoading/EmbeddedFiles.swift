import Foundation

/// Data files compiled into the binary, by relative path. They are stored as Base64 text (any
/// bytes survive, even a file that is not valid UTF-8, so a broken file still builds and
/// `check` reports it) and decoded only when read: a start from the cache decodes nothing.
public struct EmbeddedFiles: Sendable {
  private let encoded: [String: String]
  private let plain: [String: Data]
  /// Every relative path, sorted.
  public let paths: [String]

  /// Files as Base64 text, as the build-time generator writes them.
  public init(base64 files: [(path: String, base64: String)]) {
    encoded = Dictionary(files.map { ($0.path, $0.base64) }, uniquingKeysWith: { first, _ in first })
    plain = [:]
    paths = encoded.keys.sorted()
  }

  /// Files as bytes.
  public init(files: [String: Data]) {
    encoded = [:]
    plain = files
    paths = files.keys.sorted()
  }

  /// The bytes of the file at `path`, or nil when there is none.
  public func contents(_ path: String) -> Data? {
    if let data = plain[path] { return data }
    return encoded[path].flatMap { Data(base64Encoded: $0) }
  }
}

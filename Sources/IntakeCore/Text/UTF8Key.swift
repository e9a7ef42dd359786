/// A string as a dictionary or set key by its UTF-8 bytes, hashed in one pass over them. A
/// `String` key with marks is normalized on every hash and comparison, and `[UInt8]` is hashed
/// a byte at a time: loading and linting the lexicon's tens of thousands of phrases spent most
/// of its time there. Two spellings of one text in different normal forms are different keys.
public struct UTF8Key: Hashable, Sendable {
  public let bytes: [UInt8]

  public init(_ text: String) {
    bytes = Array(text.utf8)
  }

  public func hash(into hasher: inout Hasher) {
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }
}

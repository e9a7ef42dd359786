/// Writes JSON text directly into a byte buffer: faster than building dictionaries for
/// `JSONSerialization`, and the key order is fixed (the order of the schema).
public struct JSONText {
  public var bytes: [UInt8] = []

  public init() {
    bytes.reserveCapacity(1024)
  }

  public mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  public mutating func string(_ text: String) {
    Self.string(text.utf8, into: &bytes)
  }

  /// `text` as a JSON string, quoted and escaped, appended to `bytes`: the one escaping every
  /// writer uses, so pieces escaped ahead of time are what escaping each time would give.
  static func string(_ text: some Sequence<UInt8>, into bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text {
      switch byte {
      case UInt8(ascii: "\""):
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(byte)
      case UInt8(ascii: "\\"):
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(byte)
      case 0x0A:
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "n"))
      case 0x0D:
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "r"))
      case 0x09:
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "t"))
      case 0x00..<0x20, 0x7F:
        let hex: StaticString = "0123456789abcdef"
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
        bytes.append(hex.utf8Start[Int(byte >> 4)])
        bytes.append(hex.utf8Start[Int(byte & 0xF)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  public mutating func optionalString(_ text: String?) {
    if let text { string(text) } else { raw("null") }
  }

  public mutating func int(_ value: Int) {
    bytes.append(contentsOf: String(value).utf8)
  }

  public mutating func strings(_ values: [String]) {
    bytes.append(UInt8(ascii: "["))
    for (i, value) in values.enumerated() {
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      string(value)
    }
    bytes.append(UInt8(ascii: "]"))
  }
}

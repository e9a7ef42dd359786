import IntakeCore

/// A compact binary encoding for the loaded data cache: variable-length integers and
/// length-prefixed UTF-8 strings, written in a fixed order.
struct BinaryWriter {
  var bytes: [UInt8] = []

  mutating func int(_ value: Int) {
    // Zig-zag, then 7 bits a byte.
    var v = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
    while v >= 0x80 {
      bytes.append(UInt8(v & 0x7F) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  mutating func string(_ value: String) {
    let utf8 = Array(value.utf8)
    int(utf8.count)
    bytes += utf8
  }

  mutating func optional(_ value: String?) {
    bool(value != nil)
    if let value { string(value) }
  }

  mutating func strings(_ values: [String]) {
    int(values.count)
    for value in values { string(value) }
  }

  mutating func factValue(_ value: FactValue) {
    switch value {
    case .choice(let v):
      int(0)
      string(v)
    case .bool(let v):
      int(1)
      bool(v)
    case .set(let v):
      int(2)
      strings(v)
    case .integer(let v):
      int(3)
      int(v)
    case .text(let v):
      int(4)
      string(v)
    }
  }

  mutating func facts(_ values: [String: FactValue]) {
    int(values.count)
    for (key, value) in values.sorted(by: { $0.key < $1.key }) {
      string(key)
      factValue(value)
    }
  }
}

/// Reads what `BinaryWriter` wrote; any inconsistency makes the whole read fail. Every length
/// and count is checked against the bytes left before it is used.
struct BinaryReader {
  struct Corrupt: Error {}

  let bytes: [UInt8]
  var offset = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  mutating func int() throws(Corrupt) -> Int {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < bytes.count, shift < 64 else { throw Corrupt() }
      let byte = bytes[offset]
      offset += 1
      result |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    let signed = Int64(bitPattern: result)
    return Int((signed >> 1) ^ -(signed & 1))
  }

  /// A count of items or bytes still to read: every item takes at least one byte, so a count
  /// larger than what is left is corrupt (and nothing is reserved for it).
  mutating func count() throws(Corrupt) -> Int {
    let n = try int()
    guard n >= 0, n <= bytes.count - offset else { throw Corrupt() }
    return n
  }

  mutating func bool() throws(Corrupt) -> Bool {
    guard offset < bytes.count else { throw Corrupt() }
    offset += 1
    return bytes[offset - 1] != 0
  }

  mutating func string() throws(Corrupt) -> String {
    let n = try count()
    guard offset + n <= bytes.count else { throw Corrupt() }
    defer { offset += n }
    return String(decoding: bytes[offset..<offset + n], as: UTF8.self)
  }

  mutating func optional() throws(Corrupt) -> String? {
    try bool() ? try string() : nil
  }

  mutating func strings() throws(Corrupt) -> [String] {
    let n = try count()
    var values: [String] = []
    values.reserveCapacity(n)
    for _ in 0..<n { values.append(try string()) }
    return values
  }

  mutating func factValue() throws(Corrupt) -> FactValue {
    switch try int() {
    case 0: return .choice(try string())
    case 1: return .bool(try bool())
    case 2: return .set(try strings())
    case 3: return .integer(try int())
    case 4: return .text(try string())
    default: throw Corrupt()
    }
  }

  mutating func facts() throws(Corrupt) -> [String: FactValue] {
    let n = try count()
    var values: [String: FactValue] = [:]
    for _ in 0..<n {
      let key = try string()
      values[key] = try factValue()
    }
    return values
  }
}

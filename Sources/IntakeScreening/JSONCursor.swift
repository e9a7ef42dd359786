#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Strict JSON read byte by byte from a buffer, for `RequestReader`. Every method returns nil or
/// false at the first thing it does not take for certain — an odd number form, a lone
/// surrogate, invalid or overlong UTF-8, a raw control character or DEL, nesting deeper than
/// `maximumDepth` — and the reader then leaves the record to Foundation, so only the slow path
/// ever has to word a problem. What it does take, it decodes exactly as `JSONSerialization`
/// does.
struct JSONCursor {
  var position: UnsafePointer<UInt8>
  let end: UnsafePointer<UInt8>

  /// Nesting of arrays and objects skipped over, at most.
  static let maximumDepth = 32
  /// The most digits of an integer taken: below 10^15, where Foundation's reading stays exact.
  static let maximumDigits = 15

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    // A record always has bytes; an empty buffer may have no base address.
    let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped
    position = base
    end = base + bytes.count
  }

  var atEnd: Bool { position >= end }

  /// The next byte, or 0 at the end (0 is never valid JSON outside a string).
  @inline(__always) var peek: UInt8 { position < end ? position.pointee : 0 }

  @inline(__always) mutating func skipSpace() {
    while position < end {
      let byte = position.pointee
      guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
      position += 1
    }
  }

  /// Skips spaces, then `byte` if it is next.
  @inline(__always) mutating func take(_ byte: UInt8) -> Bool {
    skipSpace()
    guard position < end, position.pointee == byte else { return false }
    position += 1
    return true
  }

  /// `true`, `false` or `null` at the cursor, whole.
  mutating func literal() -> Bool? {
    func word(_ text: StaticString) -> Bool {
      let count = text.utf8CodeUnitCount
      guard end - position >= count, memcmp(position, text.utf8Start, count) == 0 else { return false }
      position += count
      return true
    }
    switch peek {
    case UInt8(ascii: "t"): return word("true") ? true : nil
    case UInt8(ascii: "f"): return word("false") ? false : nil
    default: return nil
    }
  }

  /// `null` at the cursor.
  mutating func null() -> Bool {
    guard end - position >= 4, memcmp(position, "null", 4) == 0 else { return false }
    position += 4
    return true
  }

  /// An integer at the cursor: `-?(0|[1-9][0-9]*)` of at most `maximumDigits` digits, not
  /// followed by a fraction or an exponent.
  mutating func integer() -> Int? {
    var p = position
    let negative = p < end && p.pointee == UInt8(ascii: "-")
    if negative { p += 1 }
    let start = p
    var value = 0
    while p < end, p.pointee &- UInt8(ascii: "0") < 10 {
      value = value &* 10 &+ Int(p.pointee &- UInt8(ascii: "0"))
      p += 1
    }
    let digits = p - start
    guard digits > 0, digits <= Self.maximumDigits, digits == 1 || start.pointee != UInt8(ascii: "0") else { return nil }
    if p < end {
      let next = p.pointee
      guard next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E") else { return nil }
    }
    position = p
    return negative ? -value : value
  }

  /// A string at the cursor (which is on its opening quote), its contents decoded: a view of
  /// the input when it has no escapes, else of `scratch`, which must hold at least as many
  /// bytes as are left. The view is good until the next string is read.
  mutating func string(_ scratch: UnsafeMutablePointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
    guard peek == UInt8(ascii: "\"") else { return nil }
    var p = position + 1
    let start = p
    // Plain bytes: the common case, returned in place.
    while p < end {
      let byte = p.pointee
      if byte == UInt8(ascii: "\"") {
        position = p + 1
        return UnsafeBufferPointer(start: start, count: p - start)
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 || byte == 0x7F { return nil }
      if byte < 0x80 {
        p += 1
      } else {
        guard let next = Self.utf8Scalar(p, end) else { return nil }
        p = next
      }
    }
    guard p < end else { return nil }
    // Escapes: the bytes so far, then the rest decoded, into `scratch`.
    var out = scratch
    let plain = p - start
    out.update(from: start, count: plain)
    out += plain
    while p < end {
      let byte = p.pointee
      if byte == UInt8(ascii: "\"") {
        position = p + 1
        return UnsafeBufferPointer(start: scratch, count: out - scratch)
      }
      if byte == UInt8(ascii: "\\") {
        guard p + 1 < end else { return nil }
        p += 2
        switch p[-1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.pointee = p[-1]
        case UInt8(ascii: "b"): out.pointee = 0x08
        case UInt8(ascii: "f"): out.pointee = 0x0C
        case UInt8(ascii: "n"): out.pointee = 0x0A
        case UInt8(ascii: "r"): out.pointee = 0x0D
        case UInt8(ascii: "t"): out.pointee = 0x09
        case UInt8(ascii: "u"):
          guard var scalar = Self.hex4(p, end) else { return nil }
          p += 4
          if scalar >= 0xDC00 && scalar <= 0xDFFF { return nil }
          if scalar >= 0xD800 && scalar <= 0xDBFF {
            guard end - p >= 6, p[0] == UInt8(ascii: "\\"), p[1] == UInt8(ascii: "u"), let low = Self.hex4(p + 2, end),
              low >= 0xDC00 && low <= 0xDFFF
            else { return nil }
            p += 6
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          out = Self.encode(scalar, out)
          continue
        default: return nil
        }
        out += 1
        continue
      }
      if byte < 0x20 || byte == 0x7F { return nil }
      if byte < 0x80 {
        out.pointee = byte
        out += 1
        p += 1
      } else {
        guard let next = Self.utf8Scalar(p, end) else { return nil }
        out.update(from: p, count: next - p)
        out += next - p
        p = next
      }
    }
    return nil
  }

  /// Skips one value of any kind, checking it as strictly as the rest.
  mutating func skipValue(_ scratch: UnsafeMutablePointer<UInt8>, depth: Int = 0) -> Bool {
    skipSpace()
    switch peek {
    case UInt8(ascii: "\""): return string(scratch) != nil
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return literal() != nil
    case UInt8(ascii: "n"): return null()
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      guard depth < Self.maximumDepth else { return false }
      let isObject = peek == UInt8(ascii: "{")
      let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
      position += 1
      if take(close) { return true }
      repeat {
        if isObject {
          skipSpace()
          guard string(scratch) != nil, take(UInt8(ascii: ":")) else { return false }
        }
        guard skipValue(scratch, depth: depth + 1) else { return false }
      } while take(UInt8(ascii: ","))
      return take(close)
    default: return integer() != nil
    }
  }

  /// The end of the UTF-8 scalar starting at `p` (a byte ≥ 0x80), if it is well formed: no
  /// overlong forms, no surrogates, nothing above U+10FFFF.
  @inline(__always)
  static func utf8Scalar(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
    let lead = p.pointee
    @inline(__always) func tail(_ i: Int) -> Bool { p[i] & 0xC0 == 0x80 }
    switch lead {
    case 0xC2...0xDF:
      guard end - p >= 2, tail(1) else { return nil }
      return p + 2
    case 0xE0...0xEF:
      guard end - p >= 3, tail(1), tail(2) else { return nil }
      let second = p[1]
      if lead == 0xE0 && second < 0xA0 { return nil }
      if lead == 0xED && second > 0x9F { return nil }
      return p + 3
    case 0xF0...0xF4:
      guard end - p >= 4, tail(1), tail(2), tail(3) else { return nil }
      let second = p[1]
      if lead == 0xF0 && second < 0x90 { return nil }
      if lead == 0xF4 && second > 0x8F { return nil }
      return p + 4
    default:
      return nil
    }
  }

  /// Four hex digits at `p`.
  static func hex4(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UInt32? {
    guard end - p >= 4 else { return nil }
    var value: UInt32 = 0
    for i in 0..<4 {
      let byte = p[i]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  /// Writes `scalar` (not a surrogate) as UTF-8 at `out`; returns the position after it.
  static func encode(_ scalar: UInt32, _ out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
    switch scalar {
    case 0..<0x80:
      out[0] = UInt8(scalar)
      return out + 1
    case 0x80..<0x800:
      out[0] = UInt8(0xC0 | scalar >> 6)
      out[1] = UInt8(0x80 | scalar & 0x3F)
      return out + 2
    case 0x800..<0x10000:
      out[0] = UInt8(0xE0 | scalar >> 12)
      out[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
      out[2] = UInt8(0x80 | scalar & 0x3F)
      return out + 3
    default:
      out[0] = UInt8(0xF0 | scalar >> 18)
      out[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
      out[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
      out[3] = UInt8(0x80 | scalar & 0x3F)
      return out + 4
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Byte strings mapped to numbers by open addressing, looked up straight from a request's
/// bytes: the fact ids and fact values `RequestReader` knows, without making a `String` for
/// each. Keys are salted (a fact's values are keyed by the fact), so one table holds them all.
/// Filled once, read-only after.
final class ByteKeyTable {
  private struct Entry {
    var hash: UInt64
    var start: Int
    var count: Int
    var value: Int
  }

  private var entries: [Entry?]
  private var keys: [UInt8] = []
  private var mask: Int

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    entries = Array(repeating: nil, count: size)
    mask = size - 1
  }

  /// Maps `key` (with `salt`) to `value`; a key already there keeps its first value.
  func insert(_ key: [UInt8], salt: Int = 0, value: Int) {
    key.withUnsafeBufferPointer { key in
      guard self.value(key, salt: salt) == nil else { return }
      var i = Int(truncatingIfNeeded: Self.hash(key, salt)) & mask
      while entries[i] != nil { i = (i + 1) & mask }
      entries[i] = Entry(hash: Self.hash(key, salt), start: keys.count, count: key.count, value: value)
      keys += key
    }
  }

  /// The value of `key` with `salt`, if it is in the table.
  @inline(__always)
  func value(_ key: UnsafeBufferPointer<UInt8>, salt: Int = 0) -> Int? {
    let hash = Self.hash(key, salt)
    var i = Int(truncatingIfNeeded: hash) & mask
    while let entry = entries[i] {
      if entry.hash == hash, entry.count == key.count, Self.same(keys, entry.start, key) { return entry.value }
      i = (i + 1) & mask
    }
    return nil
  }

  @inline(__always)
  private static func same(_ keys: [UInt8], _ start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = key.baseAddress, key.count > 0 else { return true }
    return keys.withUnsafeBufferPointer { memcmp($0.baseAddress.unsafelyUnwrapped + start, base, key.count) == 0 }
  }

  /// FNV-1a over the bytes, then the salt.
  @inline(__always)
  private static func hash(_ key: UnsafeBufferPointer<UInt8>, _ salt: Int) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    hash = (hash ^ UInt64(truncatingIfNeeded: salt)) &* 0x100_0000_01b3
    return hash ^ (hash >> 29)
  }
}

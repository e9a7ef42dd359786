import IntakeCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one intake request (schema `crs-intake/1`) straight from its bytes into the rule
/// book's fact slots: no Foundation objects, no `String` per field, nothing allocated per
/// request. Written by hand for exactly this schema because Foundation's reading was most of
/// the cost of screening (README, "Dependencies").
///
/// It takes only requests that are plainly good: strict JSON, each known field once, each
/// known fact once with a value it holds. Anything else — a problem to report, and also
/// anything merely unusual (an escaped key, a number with a fraction, a duplicate key) — it
/// declines, and the record goes through `RequestDecoder` and `RuleBook.table(for:)` as before,
/// which word every problem and its line exactly as they always have. Declining never changes
/// an outcome, only how fast it comes; a differential test and the `screen` fuzz target hold
/// the two paths to the same output.
final class RequestReader {
  let book: RuleBook
  /// The facts a request may state, by id.
  private let factIDs: ByteKeyTable
  /// The values of choice and set facts, keyed by fact.
  private let values: ByteKeyTable
  private let kinds: [FactDefinition.Kind]
  private let minimums: [Int]
  /// Where strings with escapes are decoded: as long as the longest record taken.
  private let scratch: UnsafeMutablePointer<UInt8>
  static let scratchSize = RecordSplitter.maximumRecordBytes

  /// The id of the request last read, decoded, when it has one (`hasID`).
  private(set) var id: [UInt8] = []
  private(set) var hasID = false

  init(book: RuleBook) {
    self.book = book
    let facts = book.facts
    factIDs = ByteKeyTable(capacity: facts.count)
    values = ByteKeyTable(capacity: facts.reduce(0) { $0 + $1.values.count })
    for (f, fact) in facts.enumerated() where !fact.derived && book.index(ofFact: fact.id) == f {
      factIDs.insert(Array(fact.id.utf8), value: f)
      guard fact.kind == .choice || fact.kind == .set else { continue }
      // Only a value that is its own first match, as `FactDefinition.index(of:)` finds it.
      for (v, value) in fact.values.enumerated() where v < 64 && fact.index(of: value) == v {
        values.insert(Array(value.utf8), salt: f, value: v)
      }
    }
    kinds = facts.map(\.kind)
    minimums = facts.map { $0.minimum ?? .min }
    scratch = .allocate(capacity: Self.scratchSize)
    id.reserveCapacity(64)
  }

  deinit { scratch.deallocate() }

  /// The top-level fields, as bits of `seen`.
  private enum Field: Int {
    case schema, id, language, facts, narrative, notes, contact, outcome, draft
  }

  /// Reads `bytes` (one whole record) into `table`. Returns false, with `table` in any state,
  /// when the record is not plainly good or (with `narratives`) states a narrative to read.
  func read(_ bytes: UnsafeBufferPointer<UInt8>, into table: inout FactTable, narratives: Bool) -> Bool {
    table.removeAll()
    hasID = false
    guard bytes.count <= Self.scratchSize else { return false }
    var cursor = JSONCursor(bytes)
    guard cursor.take(UInt8(ascii: "{")) else { return false }
    if !cursor.take(UInt8(ascii: "}")) {
      var seen = 0
      repeat {
        cursor.skipSpace()
        guard let key = cursor.string(scratch), let field = Self.field(key), seen & (1 << field.rawValue) == 0,
          cursor.take(UInt8(ascii: ":"))
        else { return false }
        seen |= 1 << field.rawValue
        cursor.skipSpace()
        guard value(field, &cursor, &table, narratives: narratives) else { return false }
      } while cursor.take(UInt8(ascii: ","))
      guard cursor.take(UInt8(ascii: "}")) else { return false }
    }
    cursor.skipSpace()
    return cursor.atEnd
  }

  private func value(_ field: Field, _ cursor: inout JSONCursor, _ table: inout FactTable, narratives: Bool) -> Bool {
    switch field {
    case .schema:
      guard let text = cursor.string(scratch) else { return false }
      return Self.equal(text, Self.schema)
    case .id:
      if cursor.null() { return true }
      guard let text = cursor.string(scratch) else { return false }
      id.removeAll(keepingCapacity: true)
      id.append(contentsOf: text)
      hasID = true
      return true
    case .language:
      guard let text = cursor.string(scratch) else { return false }
      return Self.languages.contains { Self.equal(text, $0) }
    case .narrative:
      if cursor.null() { return true }
      guard let text = cursor.string(scratch) else { return false }
      // A description is read for facts by the narrative reader, on the slow path.
      return text.isEmpty || !narratives
    case .notes, .contact:
      if cursor.null() { return true }
      return cursor.peek == UInt8(ascii: "{") && cursor.skipValue(scratch)
    case .outcome, .draft:
      return cursor.skipValue(scratch)
    case .facts:
      if cursor.null() { return true }
      return facts(&cursor, &table)
    }
  }

  /// The facts object: each fact known, once, with a value it holds.
  private func facts(_ cursor: inout JSONCursor, _ table: inout FactTable) -> Bool {
    guard cursor.take(UInt8(ascii: "{")) else { return false }
    if cursor.take(UInt8(ascii: "}")) { return true }
    var seen: UInt64 = 0
    repeat {
      cursor.skipSpace()
      guard let key = cursor.string(scratch), let f = factIDs.value(key),
        seen & (1 &<< UInt64(f)) == 0, cursor.take(UInt8(ascii: ":"))
      else { return false }
      seen |= 1 &<< UInt64(f)
      cursor.skipSpace()
      if cursor.null() { continue }
      switch kinds[f] {
      case .choice:
        guard let text = cursor.string(scratch), let v = values.value(text, salt: f) else { return false }
        table.set(f, slot: v)
      case .bool:
        guard let flag = cursor.literal() else { return false }
        table.set(f, slot: flag ? 1 : 0)
      case .integer:
        guard let n = cursor.integer(), n >= minimums[f] else { return false }
        table.set(f, slot: n)
      case .text:
        guard let text = cursor.string(scratch) else { return false }
        table.set(f, text: String(decoding: text, as: UTF8.self))
      case .set:
        if cursor.peek == UInt8(ascii: "\"") {
          // A single value where a list is expected is a one-item list.
          guard let text = cursor.string(scratch), let v = values.value(text, salt: f) else { return false }
          table.set(f, slot: 1 << v)
          continue
        }
        guard cursor.take(UInt8(ascii: "[")) else { return false }
        var mask: UInt64 = 0
        if !cursor.take(UInt8(ascii: "]")) {
          repeat {
            cursor.skipSpace()
            guard let text = cursor.string(scratch), let v = values.value(text, salt: f) else { return false }
            mask |= 1 &<< UInt64(v)
          } while cursor.take(UInt8(ascii: ","))
          guard cursor.take(UInt8(ascii: "]")) else { return false }
        }
        table.set(f, slot: Int(truncatingIfNeeded: mask))
      }
    } while cursor.take(UInt8(ascii: ","))
    return cursor.take(UInt8(ascii: "}"))
  }

  /// A top-level field by its name, decoded (as Foundation decodes it, escapes and all).
  private static func field(_ key: UnsafeBufferPointer<UInt8>) -> Field? {
    for (name, field) in fields where equal(key, name) { return field }
    return nil
  }

  private static let fields: [([UInt8], Field)] = [
    ("facts", .facts), ("id", .id), ("schema", .schema), ("language", .language), ("narrative", .narrative),
    ("notes", .notes), ("contact", .contact), ("outcome", .outcome), ("draft", .draft),
  ].map { (Array($0.utf8), $1) }
  private static let schema = Array(IntakeRequest.schema.utf8)
  private static let languages = Language.allCases.map { Array($0.rawValue.utf8) }

  @inline(__always)
  private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ name: [UInt8]) -> Bool {
    guard bytes.count == name.count else { return false }
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
    return name.withUnsafeBufferPointer { memcmp($0.baseAddress.unsafelyUnwrapped, base, bytes.count) == 0 }
  }
}

/// Splits a byte stream of intake requests into one JSON text per request, with the line it
/// starts on, without holding more than one request in memory. Accepts JSON Lines, a JSON
/// array of objects, or pretty-printed objects one after another.
///
/// A JSON Lines record that never closes ends at the next line that starts with `{` in the
/// first column, so one broken line cannot swallow the rest of a batch. Input goes on after an
/// array's closing bracket: more arrays, objects or JSON lines (`cat day1.json day2.json`).
///
/// A record is kept up to `maximumRecordBytes`; a longer one is read to its end without being
/// kept and comes out `oversized`, with its line, so one huge record costs no memory and the
/// rest of the batch is still read.
public struct RecordSplitter {
  /// The most bytes one request may have: 1 MiB.
  public static let maximumRecordBytes = 1 << 20
  /// The limit as the messages name it.
  public static let maximumRecordDescription = "1 MiB"

  public struct Record: Equatable {
    public var line: Int
    public var bytes: [UInt8]
    /// Longer than `maximumRecordBytes`: `bytes` is empty.
    public var oversized = false
  }

  enum Mode { case undecided, array, objects, finished }

  var mode: Mode = .undecided
  var line = 1
  var atLineStart = true
  var current: [UInt8] = []
  /// The current record passed `maximumRecordBytes`; its bytes are no longer kept.
  var oversized = false
  private var currentLine = 1
  var depth = 0
  var inString = false
  private var escaped = false
  /// Byte-order mark bytes still to skip at the start of input.
  private var bomSkipped = false

  public init() {}

  /// Feeds bytes; calls `emit` for every complete record.
  public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (Record) -> Void) {
    for byte in bytes { step(byte, emit) }
  }

  /// Ends the input, emitting a record left open (it will fail to parse, with its line).
  public mutating func finish(_ emit: (Record) -> Void) {
    flush(emit)
    mode = .finished
  }

  private mutating func flush(_ emit: (Record) -> Void) {
    if oversized {
      emit(Record(line: currentLine, bytes: [], oversized: true))
    } else {
      while let last = current.last, Self.isSpace(last) { current.removeLast() }
      if current.contains(where: { !Self.isSpace($0) }) {
        emit(Record(line: currentLine, bytes: current))
      }
    }
    oversized = false
    if current.capacity > 1 << 16 { current = [] } else { current.removeAll(keepingCapacity: true) }
    depth = 0
    inString = false
    escaped = false
  }

  /// Whether a line starting here would start a new JSON Lines record: between records, at the
  /// start of a line, in the objects mode.
  var isAtRecordStart: Bool {
    mode == .objects && atLineStart && current.isEmpty && !oversized && depth == 0 && !inString
  }

  /// Passes a newline that ends a line taken whole (`feed(_:holdingPartialLine:lines:_:)`).
  mutating func advanceLine() {
    line += 1
    atLineStart = true
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  mutating func step(_ byte: UInt8, _ emit: (Record) -> Void) {
    defer {
      if byte == 0x0A { line += 1 }
      atLineStart = byte == 0x0A
    }
    switch mode {
    case .finished:
      return
    case .undecided:
      if !bomSkipped, [0xEF, 0xBB, 0xBF].contains(byte) {
        if byte == 0xBF { bomSkipped = true }
        return
      }
      if Self.isSpace(byte) { return }
      bomSkipped = true
      if byte == UInt8(ascii: "[") {
        mode = .array
        return
      }
      mode = .objects
      objectByte(byte, emit)
    case .objects:
      objectByte(byte, emit)
    case .array:
      arrayByte(byte, emit)
    }
  }

  /// JSON Lines and pretty-printed objects: a record ends at the end of a line where its
  /// braces balance (anything after the closing brace on that line belongs to it).
  private mutating func objectByte(_ byte: UInt8, _ emit: (Record) -> Void) {
    if current.isEmpty && !oversized {
      if Self.isSpace(byte) { return }
      if byte == UInt8(ascii: "[") {
        // An array after objects or after another array.
        mode = .array
        return
      }
      currentLine = line
    } else if atLineStart, byte == UInt8(ascii: "{"), depth > 0 || inString {
      // An unclosed record followed by a new one starting in the first column.
      flush(emit)
      currentLine = line
    }
    if byte == 0x0A && depth == 0 && !inString {
      flush(emit)
      return
    }
    append(byte)
    track(byte)
  }

  /// Keeps `byte` in the current record, up to the limit.
  private mutating func append(_ byte: UInt8) {
    if oversized { return }
    if current.count >= Self.maximumRecordBytes {
      oversized = true
      current = []
      return
    }
    current.append(byte)
  }

  /// A JSON array: elements are split at commas at depth one; after the closing bracket the
  /// input may go on with anything a batch may hold.
  private mutating func arrayByte(_ byte: UInt8, _ emit: (Record) -> Void) {
    if depth == 0 && !inString {
      if byte == UInt8(ascii: ",") {
        flush(emit)
        return
      }
      if byte == UInt8(ascii: "]") {
        flush(emit)
        mode = .undecided
        return
      }
      if current.isEmpty && !oversized {
        if Self.isSpace(byte) { return }
        currentLine = line
      }
    }
    append(byte)
    track(byte)
  }

  private mutating func track(_ byte: UInt8) {
    if inString {
      if escaped {
        escaped = false
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
      } else if byte == UInt8(ascii: "\"") {
        inString = false
      }
      return
    }
    switch byte {
    case UInt8(ascii: "\""): inString = true
    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
    case UInt8(ascii: "}"), UInt8(ascii: "]"): depth = max(0, depth - 1)
    default: break
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension RecordSplitter {
  /// Feeds bytes as `feed(_:_:)` does, but takes JSON Lines a whole line at a time: where a
  /// record may start on a new line, the line's end is found with `memchr` and the line,
  /// trimmed, is offered to `lines` with its number. `lines` returns true when it screened the
  /// line as one whole request, which proves the line is the record the byte-by-byte split
  /// would have cut (a complete JSON object followed by nothing but spaces balances every
  /// brace and quote); a line it declines is split byte by byte, so what comes out is the
  /// same either way.
  /// - Parameter holdingPartialLine: leave a last line that has not ended yet to be fed again
  ///   with the bytes that end it (not at the end of the input).
  /// - Returns: how many bytes were used: all of them, or all but that last line.
  public mutating func feed(
    _ bytes: UnsafeBufferPointer<UInt8>, holdingPartialLine: Bool, lines: (UnsafeBufferPointer<UInt8>, Int) -> Bool,
    _ emit: (Record) -> Void
  ) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let count = bytes.count
    var i = 0
    while i < count {
      guard isAtRecordStart else {
        step(base[i], emit)
        i += 1
        continue
      }
      let newline = memchr(base + i, 0x0A, count - i).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
      if newline == nil && holdingPartialLine { return i }
      let end = newline ?? count
      var first = i
      while first < end && Self.isSpace(base[first]) { first += 1 }
      var last = end
      while last > first && Self.isSpace(base[last - 1]) { last -= 1 }
      if first == last
        || (end - first <= Self.maximumRecordBytes && lines(UnsafeBufferPointer(start: base + first, count: last - first), line))
      {
        // A blank line, or a request screened.
        if newline != nil { advanceLine() }
        i = newline.map { $0 + 1 } ?? count
        continue
      }
      let stop = newline.map { $0 + 1 } ?? count
      while i < stop {
        step(base[i], emit)
        i += 1
      }
    }
    return count
  }
}

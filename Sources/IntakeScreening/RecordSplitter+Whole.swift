extension RecordSplitter {
  /// Every record of an input read whole (a request file, a saved draft): the same records,
  /// with the same line numbers, that screening the input as a stream gives.
  ///
  /// - Parameter bytes: the whole input.
  /// - Returns: its records in order; an oversized one is marked, not dropped.
  public static func records(of bytes: [UInt8]) -> [Record] {
    var records: [Record] = []
    var splitter = RecordSplitter()
    bytes.withUnsafeBufferPointer { splitter.feed($0) { records.append($0) } }
    splitter.finish { records.append($0) }
    return records
  }
}

import FuzzSupport
import IntakeCore
import IntakeLoading
import IntakeScreening

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One input as a batch file for `crs-intake screen`: JSON Lines, a JSON array, objects one
/// after another, or anything else a user may pass. It goes through `Screener.screen(descriptor:)`
/// (the record splitter, the request decoder, the narrative reader, the rules and the writer
/// of one output format) exactly as the command reads a file, with the shipped data.
///
/// The input's length picks the output format, the language and whether traces are written,
/// so every input replays the same way. The splitter must also cut the input into the same
/// records whether it arrives at once or a byte at a time (as reads of a pipe may deliver it).
enum ScreenTarget {
  /// Where the outcomes and messages go: nowhere.
  static let devNull: Int32 = open("/dev/null", O_WRONLY)
  /// An unnamed temporary file that holds the input, read back as the command reads a file.
  static let input: Int32 = FuzzFiles.unnamedFile()

  static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    checkSplitting(bytes)
    guard ftruncate(input, 0) == 0, pwrite(input, bytes.baseAddress, bytes.count, 0) == bytes.count || bytes.isEmpty,
      lseek(input, 0, SEEK_SET) == 0
    else { fatalError("the input could not be written: errno \(errno)") }
    let formats = OutputFormat.allCases
    let output = ByteSink(descriptor: devNull, capacity: 1 << 12)
    let errors = ByteSink(descriptor: devNull, capacity: 1 << 12)
    let screener = Screener(
      book: ShippedData.book, catalog: ShippedData.loaded.catalog, language: bytes.count % 2 == 0 ? .vi : .en,
      format: formats[bytes.count % formats.count], includeTrace: bytes.count % 7 == 0, output: output, errors: errors,
      width: 40 + bytes.count % 80)
    screener.narrativeReader = ShippedData.narrativeReader
    screener.namesFiles = bytes.count % 3 == 0
    screener.begin()
    guard screener.screen(descriptor: input, name: "fuzz.jsonl") else { fatalError("the input could not be read back") }
    screener.end()
    if let failure = output.failure ?? errors.failure { fatalError("writing to /dev/null failed: errno \(failure)") }
  }

  /// The records of the input fed at once and fed a byte at a time must be the same.
  static func checkSplitting(_ bytes: UnsafeBufferPointer<UInt8>) {
    var whole: [RecordSplitter.Record] = []
    var splitter = RecordSplitter()
    splitter.feed(bytes) { whole.append($0) }
    splitter.finish { whole.append($0) }
    var pieces: [RecordSplitter.Record] = []
    var bytewise = RecordSplitter()
    for index in bytes.indices {
      bytewise.feed(UnsafeBufferPointer(rebasing: bytes[index..<index + 1])) { pieces.append($0) }
    }
    bytewise.finish { pieces.append($0) }
    guard whole == pieces else {
      fatalError("the splitter cut \(whole.count) records at once but \(pieces.count) a byte at a time")
    }
  }
}

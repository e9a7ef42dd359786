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
/// (the record splitter, the request reader or decoder, the narrative reader, the rules and the
/// writer of one output format) exactly as the command reads a file, with the shipped data.
///
/// The input's length picks the output format, the language and whether traces are written,
/// so every input replays the same way. The input is screened twice: reading plainly good
/// requests straight from their bytes, as the command does, and with every request through
/// Foundation (`readsBytes` off); the two must write the same bytes, to stdout and to stderr.
/// The splitter must also cut the input into the same records whether it arrives at once or a
/// byte at a time (as reads of a pipe may deliver it).
enum ScreenTarget {
  /// An unnamed temporary file that holds the input, read back as the command reads a file.
  static let input: Int32 = FuzzFiles.unnamedFile()
  /// Where each of the two runs writes its outcomes and messages.
  static let outputs: [(output: Int32, errors: Int32)] = (0..<2).map { _ in (FuzzFiles.unnamedFile(), FuzzFiles.unnamedFile()) }

  static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    checkSplitting(bytes)
    guard ftruncate(input, 0) == 0, pwrite(input, bytes.baseAddress, bytes.count, 0) == bytes.count || bytes.isEmpty
    else { fatalError("the input could not be written: errno \(errno)") }
    for (index, files) in outputs.enumerated() {
      screen(bytes.count, readsBytes: index == 0, output: files.output, errors: files.errors)
    }
    for (name, first, second) in [("outcomes", outputs[0].output, outputs[1].output), ("messages", outputs[0].errors, outputs[1].errors)]
    where contents(first) != contents(second) {
      fatalError("the \(name) from bytes differ from the \(name) through Foundation")
    }
  }

  /// Screens the input file into `output` and `errors`, emptied first.
  static func screen(_ length: Int, readsBytes: Bool, output: Int32, errors: Int32) {
    guard lseek(input, 0, SEEK_SET) == 0, ftruncate(output, 0) == 0, ftruncate(errors, 0) == 0, lseek(output, 0, SEEK_SET) == 0,
      lseek(errors, 0, SEEK_SET) == 0
    else { fatalError("the files could not be reset: errno \(errno)") }
    let formats = OutputFormat.allCases
    let outputSink = ByteSink(descriptor: output, capacity: 1 << 12)
    let errorSink = ByteSink(descriptor: errors, capacity: 1 << 12)
    let screener = Screener(
      book: ShippedData.book, catalog: ShippedData.loaded.catalog, language: length % 2 == 0 ? .vi : .en,
      format: formats[length % formats.count], includeTrace: length % 7 == 0, output: outputSink, errors: errorSink,
      width: 40 + length % 80)
    screener.narrativeReader = ShippedData.narrativeReader
    screener.namesFiles = length % 3 == 0
    screener.readsBytes = readsBytes
    screener.begin()
    guard screener.screen(descriptor: input, name: "fuzz.jsonl") else { fatalError("the input could not be read back") }
    screener.end()
    if let failure = outputSink.failure ?? errorSink.failure { fatalError("writing a temporary file failed: errno \(failure)") }
  }

  /// What `descriptor`'s file holds.
  static func contents(_ descriptor: Int32) -> [UInt8] {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { fatalError("fstat: errno \(errno)") }
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
    let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
    guard read == bytes.count else { fatalError("pread: errno \(errno)") }
    return bytes
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

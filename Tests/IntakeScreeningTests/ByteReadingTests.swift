import Foundation
import IntakeCore
import IntakeFuzzing
import IntakeLoading
import IntakeScreening
import IntakeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Screening reads plainly good requests straight from their bytes and writes their outcomes
/// from pieces; everything else goes through Foundation. The two paths must write the same bytes
/// for any input: generated requests written every way JSON allows, and the same requests
/// broken at random.
@Suite("Screening from bytes writes what the Foundation path writes")
struct ByteReadingTests {
  struct Run {
    var output: [UInt8]
    var errors: [UInt8]
    var screened: Int
    var rejected: Int
    var readFromBytes: Int
  }

  /// Screens `input` as one file named `batch.jsonl`, as the command does.
  static func screen(
    _ input: [UInt8], readsBytes: Bool, format: OutputFormat = .jsonl, language: Language = .en, trace: Bool = false,
    narratives: Bool = false
  ) throws -> Run {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let inputFile = try folder.write("batch.jsonl", Data(input))
    let outputFile = try folder.write("out", Data())
    let errorFile = try folder.write("err", Data())
    let descriptor = open(inputFile.path, O_RDONLY)
    let out = open(outputFile.path, O_WRONLY)
    let err = open(errorFile.path, O_WRONLY)
    defer { close(descriptor) }
    let book = try ShippedData.book()
    let output = ByteSink(descriptor: out)
    let errors = ByteSink(descriptor: err)
    let screener = Screener(
      book: book, catalog: ShippedData.loaded.catalog, language: language, format: format, includeTrace: trace, output: output,
      errors: errors)
    screener.readsBytes = readsBytes
    if narratives { screener.lazyNarrativeReader = LazyNarrativeReader { Self.narrativeReader } }
    screener.begin()
    #expect(screener.screen(descriptor: descriptor, name: "batch.jsonl"))
    screener.end()
    close(out)
    close(err)
    return Run(
      output: Array(try Data(contentsOf: outputFile)), errors: Array(try Data(contentsOf: errorFile)), screened: screener.screened,
      rejected: screener.rejected, readFromBytes: screener.readFromBytes)
  }

  static let narrativeReader: NarrativeReader = {
    guard let book = ShippedData.loaded.book else { fatalError("the shipped rules do not compile") }
    return NarrativeReader(lexicon: ShippedData.loaded.lexicon, book: book, catalog: ShippedData.loaded.catalog)
  }()

  /// Both paths on `input`; records an issue at the first line that differs.
  @discardableResult
  static func compare(
    _ input: [UInt8], format: OutputFormat = .jsonl, language: Language = .en, trace: Bool = false, narratives: Bool = false,
    _ what: String
  ) throws -> Run {
    let fast = try screen(input, readsBytes: true, format: format, language: language, trace: trace, narratives: narratives)
    let slow = try screen(input, readsBytes: false, format: format, language: language, trace: trace, narratives: narratives)
    #expect(slow.readFromBytes == 0)
    #expect(fast.screened == slow.screened && fast.rejected == slow.rejected, "\(what)")
    for (name, a, b) in [("output", fast.output, slow.output), ("errors", fast.errors, slow.errors)] where a != b {
      let left = a.split(separator: 0x0A, omittingEmptySubsequences: false)
      let right = b.split(separator: 0x0A, omittingEmptySubsequences: false)
      let line = (0..<min(left.count, right.count)).first { left[$0] != right[$0] } ?? min(left.count, right.count)
      func text(_ lines: [ArraySlice<UInt8>]) -> String { line < lines.count ? String(decoding: lines[line], as: UTF8.self) : "(none)" }
      let inputLines = input.split(separator: 0x0A, omittingEmptySubsequences: false)
      Issue.record(
        "\(what): \(name) differs at output line \(line + 1)\nfrom bytes: \(text(left))\nFoundation: \(text(right))\ninput near it: \(text(inputLines))"
      )
      break
    }
    return fast
  }

  @Test("Generated requests, written every way JSON allows, in every format and language", arguments: OutputFormat.allCases)
  func generated(format: OutputFormat) throws {
    var random = RequestWriter(book: try ShippedData.book(), seed: 20_261_130 &+ UInt64(OutputFormat.allCases.firstIndex(of: format) ?? 0))
    var input: [UInt8] = []
    for _ in 0..<800 { input += random.line() + [0x0A] }
    for language in Language.allCases {
      let run = try Self.compare(input, format: format, language: language, "generated, \(format), \(language)")
      // Most of them are plainly good: the test is not vacuous.
      #expect(run.readFromBytes > 600, "only \(run.readFromBytes) of 800 read from bytes")
    }
    try Self.compare(input, format: format, trace: true, "generated, \(format), with traces")
  }

  @Test("Generated requests broken at random: each comes out as Foundation would have it")
  func mutated() throws {
    var random = RequestWriter(book: try ShippedData.book(), seed: 7)
    var input: [UInt8] = []
    // Every third request left whole, so good ones come between broken ones; each starts in the
    // first column, where a new record ends a broken one.
    for i in 0..<3000 {
      let line = Array(random.line().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
      input += (i % 3 == 0 ? line : random.mutated(line)) + [0x0A]
    }
    let run = try Self.compare(input, narratives: true, "mutated")
    #expect(run.readFromBytes > 900 && run.rejected > 1000, "\(run.readFromBytes) read from bytes, \(run.rejected) rejected")
  }

  /// Records the reader must take (plainly good, however written) and must leave to Foundation.
  static let taken = [
    #"{"id":"a","facts":{"state":"WA","bases":["race"],"violence":false,"incident_days_ago":3,"city":"Seattle"}}"#,
    #"{"id":"\u00e9\ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t\u0000","facts":{"city":"San Jos\u00e9"}}"#,
    #"{"f\u0061cts":{"st\u0061te":"W\u0041"},"id":null}"#,
    #"  {  "facts" : { "bases" : "race" , "wants" : [ ] } , "schema" : "crs-intake/1" }  "#,
    #"{"facts":{"incident_days_ago":-0,"event_in_days":999999999999999}}"#,
    #"{"language":"vi","narrative":"","notes":{"a":[1,{"b":null}]},"contact":null,"draft":7,"outcome":[true,false,null,"x"]}"#,
    "{\"id\":\"Đà Nẵng ở\u{10FFFF}\",\"facts\":{}}",
    "{}",
    // An element of an array is a record like any other.
    #"[{"id":"a"}]"#,
  ]
  static let declined = [
    #"{"facts":{"incident_days_ago":2.0}}"#, #"{"facts":{"incident_days_ago":1e2}}"#,
    #"{"id":"a","id":"b"}"#, #"{"facts":{"state":"TX","state":"WA"}}"#, #"{"facts":{"state":"WA",}}"#,
    #"{"id":"\ud800"}"#, #"{"id":"\udc00"}"#, "{\"id\":\"\u{7F}\"}", #"{"id":17}"#, #"{"narrative":"Houston"}"#,
    #"{"extra":1}"#, #"{"facts":{"state":"wa"}}"#, #"{"facts":{"stat":"WA"}}"#, #"{"facts":{"jurisdiction":"in_scope"}}"#,
    #"{"facts":{"incident_days_ago":-1}}"#, #"{"facts":{"incident_days_ago":1000000000000000}}"#,
    #"{"facts":{"incident_days_ago":01}}"#, #"{"outcome":[1.5]}"#, #"{"language":null}"#, #"{"schema":"crs-intake/2"}"#,
    #"{"facts":{"bases":["race",null]}}"#, #"{"id":"a"} x"#, "{\"id\":\"\u{0}\"}",
    // Canonically equal to "AK" (a Kelvin sign): Foundation takes it as Alaska, the reader leaves it.
    #"{"facts":{"state":"A\u212A"}}"#,
  ]

  @Test("What the reader takes and what it leaves to Foundation", arguments: taken.map { ($0, true) } + declined.map { ($0, false) })
  func takenOrDeclined(record: String, taken: Bool) throws {
    let run = try Self.compare(Array(record.utf8) + [0x0A], narratives: true, record)
    #expect((run.readFromBytes == 1) == taken, "\(record): \(run.readFromBytes == 1 ? "taken" : "declined")")
  }

  @Test("Invalid UTF-8 and overlong forms are left to Foundation")
  func invalidUTF8() throws {
    for bytes: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3]] {
      let record = Array(#"{"id":""#.utf8) + bytes + Array(#""}"#.utf8) + [0x0A]
      let run = try Self.compare(record, "\(bytes)")
      #expect(run.readFromBytes == 0, "\(bytes)")
    }
  }

  /// Found by the `screen` fuzz target: a schema given as an object was quoted as Swift's
  /// description of a dictionary, whose key order is the hash order of that one decoding, so the
  /// two paths (and two runs) wrote different messages for the same record.
  @Test("A schema that is no string is quoted as JSON, keys in order, the same on both paths")
  func schemaObjectQuoted() throws {
    let record = #"{"schema": {"phone": "714-555-0100", "name": "Thích Minh Đức", "b": [true, null], "a": 1}}"#
    let input = Array((0..<20).map { _ in record }.joined(separator: "\n").utf8) + [0x0A]
    let run = try Self.compare(input, "schema object")
    let output = String(decoding: run.output, as: UTF8.self)
    #expect(
      output.contains(#"The schema '{\"a\":1,\"b\":[true,null],\"name\":\"Thích Minh Đức\",\"phone\":\"714-555-0100\"}' is not supported"#))
  }
}

import Foundation
import IntakeCore
import IntakeScreening
import Testing

/// Splitting a stream of requests into records with the line each starts on: JSON Lines,
/// a JSON array, a pretty-printed object, broken lines, tricky strings and a byte-order mark.
@Suite("Record splitter")
struct RecordSplitterTests {
  /// The records of `input`, fed in chunks of `chunk` bytes (nil: all at once).
  static func split(_ input: [UInt8], chunk: Int? = nil) -> [RecordSplitter.Record] {
    var splitter = RecordSplitter()
    var records: [RecordSplitter.Record] = []
    let size = chunk ?? max(1, input.count)
    var start = 0
    while start < input.count {
      let slice = Array(input[start..<min(input.count, start + size)])
      slice.withUnsafeBufferPointer { splitter.feed($0) { records.append($0) } }
      start += size
    }
    splitter.finish { records.append($0) }
    return records
  }

  static func split(_ text: String, chunk: Int? = nil) -> [(line: Int, text: String)] {
    split(Array(text.utf8), chunk: chunk).map { ($0.line, String(decoding: $0.bytes, as: UTF8.self)) }
  }

  /// Chunk sizes every case is run with: the answer must not depend on how reads fall.
  static let chunks: [Int?] = [nil, 1, 2, 7]

  @Test("JSON Lines: one record per line, with its line number", arguments: chunks)
  func jsonLines(chunk: Int?) {
    let records = Self.split("{\"id\":\"a\"}\n{\"id\":\"b\"}\n\n{\"id\":\"c\"}\n", chunk: chunk)
    #expect(records.map(\.line) == [1, 2, 4])
    #expect(records.map(\.text) == ["{\"id\":\"a\"}", "{\"id\":\"b\"}", "{\"id\":\"c\"}"])
  }

  @Test("CRLF line ends and a last line without a newline", arguments: chunks)
  func crlf(chunk: Int?) {
    let records = Self.split("{\"id\":1}\r\n{\"id\":2}\r\n{\"id\":3}", chunk: chunk)
    #expect(records.map(\.line) == [1, 2, 3])
    #expect(records.map(\.text) == ["{\"id\":1}", "{\"id\":2}", "{\"id\":3}"])
  }

  @Test("a JSON array: one record per element, each with the line it starts on", arguments: chunks)
  func array(chunk: Int?) {
    let input = """
      [
        {"id": "a", "facts": {"bases": ["race", "color"]}},
        {"id": "b",
         "facts": {}}
      ]
      """
    let records = Self.split(input, chunk: chunk)
    #expect(records.map(\.line) == [2, 3])
    #expect(records.first?.text == "{\"id\": \"a\", \"facts\": {\"bases\": [\"race\", \"color\"]}}")
    #expect(records.last?.text.hasPrefix("{\"id\": \"b\",") == true)
    #expect(records.last?.text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("}}") == true)
  }

  @Test("a pretty-printed single object is one record", arguments: chunks)
  func prettyObject(chunk: Int?) throws {
    let input = """

      {
        "id": "pretty",
        "facts": {
          "state": "WA",
          "bases": [
            "race"
          ]
        }
      }

      """
    let records = Self.split(input, chunk: chunk)
    #expect(records.count == 1)
    #expect(records.first?.line == 2)
    let request = try RequestDecoder().decode(Array((records.first?.text ?? "").utf8)).get()
    #expect(request.id == "pretty")
    #expect(request.facts["bases"] == .set(["race"]))
  }

  @Test("an unterminated line does not swallow the good line after it", arguments: chunks)
  func unterminatedLine(chunk: Int?) throws {
    let input = "{\"id\":\"good1\"}\n{\"id\":\"broken\",\"facts\":{\"state\":\"WA\"\n{\"id\":\"good2\"}\n"
    let records = Self.split(input, chunk: chunk)
    #expect(records.map(\.line) == [1, 2, 3])
    #expect(records.last?.text == "{\"id\":\"good2\"}")
    let decoder = RequestDecoder()
    #expect(try decoder.decode(Array(records[2].text.utf8)).get().id == "good2")
    guard case .failure(let problems) = decoder.decode(Array(records[1].text.utf8)) else {
      Issue.record("the broken line decoded")
      return
    }
    #expect(problems.problems.map(\.code) == ["malformed-json"])
  }

  @Test("an unterminated string does not swallow the next line either", arguments: chunks)
  func unterminatedString(chunk: Int?) {
    let records = Self.split("{\"id\":\"open\n{\"id\":\"next\"}\n", chunk: chunk)
    #expect(records.map(\.line) == [1, 2])
    #expect(records.last?.text == "{\"id\":\"next\"}")
  }

  @Test("an unterminated last record is still emitted, with its line", arguments: chunks)
  func unterminatedAtEnd(chunk: Int?) {
    let records = Self.split("{\"id\":\"a\"}\n{\"id\":\"b\"", chunk: chunk)
    #expect(records.map(\.line) == [1, 2])
    #expect(records.last?.text == "{\"id\":\"b\"")
  }

  @Test("braces, brackets and escaped quotes inside strings do not split records", arguments: chunks)
  func trickyStrings(chunk: Int?) throws {
    let narrative = #"a } ] \" { [ b \\"#
    let input = "{\"id\":\"x\",\"narrative\":\"\(narrative)\"}\n{\"id\":\"y\",\"narrative\":\"}\"}\n"
    let records = Self.split(input, chunk: chunk)
    #expect(records.map(\.line) == [1, 2])
    let first = try RequestDecoder().decode(Array(records[0].text.utf8)).get()
    #expect(first.narrative == #"a } ] " { [ b \"#)
    #expect(try RequestDecoder().decode(Array(records[1].text.utf8)).get().narrative == "}")
  }

  @Test("tricky strings inside an array", arguments: chunks)
  func trickyStringsInArray(chunk: Int?) {
    let records = Self.split(#"[{"narrative":"a, b ] c"}, {"narrative":"\"], ["}]"#, chunk: chunk)
    #expect(records.map(\.text) == [#"{"narrative":"a, b ] c"}"#, #"{"narrative":"\"], ["}"#])
  }

  @Test("a UTF-8 byte-order mark is skipped", arguments: chunks)
  func byteOrderMark(chunk: Int?) throws {
    let lines = Self.split([0xEF, 0xBB, 0xBF] + Array("{\"id\":\"a\"}\n{\"id\":\"b\"}\n".utf8), chunk: chunk)
    #expect(lines.map(\.line) == [1, 2])
    #expect(lines.first?.bytes.first == UInt8(ascii: "{"))
    let array = Self.split([0xEF, 0xBB, 0xBF] + Array("[{\"id\":\"a\"}]".utf8), chunk: chunk)
    #expect(array.count == 1)
    #expect(try RequestDecoder().decode(array[0].bytes).get().id == "a")
  }

  @Test("Vietnamese text in records passes through byte for byte")
  func utf8Content() throws {
    let records = Self.split("{\"narrative\":\"Nhà thờ bị đe dọa {khẩn}\"}\n")
    #expect(try RequestDecoder().decode(Array(records[0].text.utf8)).get().narrative == "Nhà thờ bị đe dọa {khẩn}")
  }

  @Test("empty input and white space only give no records")
  func empty() {
    #expect(Self.split("").isEmpty)
    #expect(Self.split(" \n\n\t\n").isEmpty)
    #expect(Self.split("[]").isEmpty)
    #expect(Self.split("[ \n ]").isEmpty)
  }

  @Test("a line that is not JSON becomes a record of its own")
  func garbageLine() {
    let records = Self.split("{\"id\":1}\nnot json at all\n{\"id\":3}\n")
    #expect(records.map(\.line) == [1, 2, 3])
    #expect(records[1].text == "not json at all")
  }
}

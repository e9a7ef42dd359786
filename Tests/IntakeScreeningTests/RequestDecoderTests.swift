import Foundation
import IntakeCore
import IntakeScreening
import IntakeTestSupport
import Testing

/// Decoding intake requests (schema crs-intake/1) and checking their facts against the rules.
@Suite("Request decoding")
struct RequestDecoderTests {
  static func decode(_ json: String) -> Result<IntakeRequest, RequestProblems> {
    RequestDecoder().decode(Array(json.utf8))
  }

  static func codes(_ json: String) -> [String] {
    guard case .failure(let problems) = decode(json) else { return [] }
    return problems.problems.map(\.code)
  }

  @Test("a full request decodes with every field")
  func fullRequest() throws {
    let request = try Self.decode(
      """
      {"schema": "crs-intake/1", "id": "r-1", "language": "vi",
       "facts": {"request_goal": "respond", "bases": ["race"], "violence": false, "incident_days_ago": 3, "city": "Đà Nẵng"},
       "narrative": "Có xung đột", "contact": {"name": "Lan", "email": "lan@example.org"}}
      """
    ).get()
    #expect(request.id == "r-1")
    #expect(request.language == "vi")
    #expect(request.narrative == "Có xung đột")
    #expect(request.contact["name"] == "Lan")
    #expect(request.facts["request_goal"] == .choice("respond"))
    #expect(request.facts["bases"] == .set(["race"]))
    #expect(request.facts["violence"] == .bool(false))
    #expect(request.facts["incident_days_ago"] == .integer(3))
  }

  @Test("JSON true/false are booleans and 0/1 are integers, on every platform")
  func boolsAndNumbers() throws {
    let request = try Self.decode(#"{"facts": {"a": true, "b": false, "zero": 0, "one": 1, "big": 400}}"#).get()
    #expect(request.facts["a"] == .bool(true))
    #expect(request.facts["b"] == .bool(false))
    #expect(request.facts["zero"] == .integer(0))
    #expect(request.facts["one"] == .integer(1))
    #expect(request.facts["big"] == .integer(400))
  }

  @Test("a numeric id is kept as text; null facts are unknown")
  func idAndNulls() throws {
    let request = try Self.decode(#"{"id": 17, "facts": {"state": null, "bases": ["race"]}}"#).get()
    #expect(request.id == "17")
    #expect(request.facts["state"] == nil)
    #expect(request.facts.count == 1)
  }

  @Test(
    "malformed requests are rejected with a reason",
    arguments: [
      ("{\"facts\": {", "malformed-json"),
      ("[1, 2]", "not-an-object"),
      ("42", "not-an-object"),
      (#"{"fact": {}}"#, "unknown-field"),
      (#"{"schema": "crs-intake/2"}"#, "wrong-schema"),
      (#"{"language": "fr"}"#, "field-type"),
      (#"{"facts": []}"#, "field-type"),
      (#"{"facts": {"incident_days_ago": 2.5}}"#, "not-whole-number"),
      (#"{"facts": {"bases": ["race", 3]}}"#, "invalid-json-value"),
      (#"{"id": true}"#, "field-type"),
    ])
  func rejected(json: String, code: String) {
    #expect(Self.codes(json) == [code])
  }

  @Test("every problem of one request is reported, not only the first")
  func everyProblem() {
    #expect(Set(Self.codes(#"{"schema": "x", "extra": 1, "language": 5}"#)) == ["wrong-schema", "unknown-field", "field-type"])
  }

  @Test("the rule book checks facts: unknown facts with a suggestion, values, kinds, minimums, derived facts")
  func factProblems() throws {
    let book = try ShippedData.book()
    func problems(_ facts: [String: FactValue]) -> [RequestProblem] {
      if case .failure(let p) = book.table(for: facts) { return p.problems }
      return []
    }
    let unknown = problems(["stat": .choice("WA")])
    #expect(unknown.map(\.code) == ["unknown-fact"])
    #expect(unknown.first?.arguments["suggestion"] == "state")
    #expect(problems(["state": .choice("ZZ")]).map(\.code) == ["invalid-value"])
    #expect(problems(["bases": .set(["race", "colour"])]).first?.arguments["value"] == "colour")
    #expect(problems(["violence": .integer(1)]).map(\.code) == ["invalid-value"])
    #expect(problems(["incident_days_ago": .bool(true)]).map(\.code) == ["invalid-value"])
    #expect(problems(["incident_days_ago": .integer(-1)]).map(\.code) == ["invalid-value"])
    #expect(problems(["jurisdiction": .choice("in_scope")]).map(\.code) == ["derived-fact"])
    #expect(problems(["state": .choice("ZZ"), "stat": .choice("WA"), "urgency": .choice("urgent")]).count == 3)
    // A single value where a list is expected is read as a one-item list.
    #expect(problems(["bases": .choice("race")]).isEmpty)
  }
}

import IntakeCore

/// An intake request (schema `crs-intake/1`) as JSON, optionally with its outcome: what the
/// interview writes and `screen`, `draft` and `explain` read.
public enum RequestJSON {
  public static func write(
    _ request: IntakeRequest, outcome: Outcome?, date: String? = nil, rulesVersion: String? = nil, reference: String? = nil,
    into json: inout JSONText
  ) {
    json.raw("{\"schema\":")
    json.string(IntakeRequest.schema)
    if let id = request.id {
      json.raw(",\"id\":")
      json.string(id)
    }
    if let language = request.language {
      json.raw(",\"language\":")
      json.string(language)
    }
    json.raw(",\"facts\":{")
    for (i, (fact, value)) in request.facts.sorted(by: { $0.key < $1.key }).enumerated() {
      if i > 0 { json.raw(",") }
      json.string(fact)
      json.raw(":")
      OutcomeJSON.factValue(value, &json)
    }
    json.raw("}")
    if let narrative = request.narrative {
      json.raw(",\"narrative\":")
      json.string(narrative)
    }
    if !request.notes.isEmpty {
      json.raw(",\"notes\":")
      strings(request.notes, &json)
    }
    json.raw(",\"contact\":")
    strings(request.contact, &json)
    if let outcome {
      json.raw(",\"outcome\":")
      var inner = JSONText()
      OutcomeJSON.write(outcome, line: nil, into: &inner)
      json.bytes += inner.bytes
    }
    let draft = [("date", date), ("reference", reference), ("rules_version", rulesVersion)].compactMap { key, value in
      value.map { (key, $0) }
    }
    if !draft.isEmpty {
      json.raw(",\"draft\":{")
      for (i, (key, value)) in draft.enumerated() {
        if i > 0 { json.raw(",") }
        json.string(key)
        json.raw(":")
        json.string(value)
      }
      json.raw("}")
    }
    json.raw("}")
  }

  /// A map of strings as a JSON object, keys sorted.
  private static func strings(_ map: [String: String], _ json: inout JSONText) {
    json.raw("{")
    for (i, (key, value)) in map.sorted(by: { $0.key < $1.key }).enumerated() {
      if i > 0 { json.raw(",") }
      json.string(key)
      json.raw(":")
      json.string(value)
    }
    json.raw("}")
  }
}

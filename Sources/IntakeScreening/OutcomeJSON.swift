import IntakeCore

/// Outcome schema v1 as JSON, and the error record of a rejected request.
public enum OutcomeJSON {
  /// - Parameter extracted: facts read from the request's narrative, not confirmed by anyone
  ///   (written as `"extracted"` so staff can tell them from stated facts).
  /// - Parameter file: the input file the request came from, in a batch of several files.
  public static func write(
    _ outcome: Outcome, line: Int?, file: String? = nil, trace: [RuleTrace]? = nil, extracted: [String: FactValue] = [:],
    into json: inout JSONText
  ) {
    json.raw("{")
    if let file {
      json.raw("\"file\":")
      json.string(file)
      json.raw(",")
    }
    if let line {
      json.raw("\"line\":")
      json.int(line)
      json.raw(",")
    }
    json.raw("\"id\":")
    json.optionalString(outcome.id)
    json.raw(",\"jurisdiction\":{\"status\":")
    json.string(outcome.jurisdiction)
    json.raw(",\"bases\":")
    json.strings(outcome.jurisdictionBases)
    json.raw(",\"because\":")
    because(outcome.jurisdictionBecause, &json)
    json.raw("},\"urgency\":")
    json.string(outcome.urgency)
    json.raw(",\"services\":")
    recommendations(outcome.services, &json)
    json.raw(",\"referrals\":")
    recommendations(outcome.referrals, &json)
    json.raw(",\"office\":")
    json.bytes += OutcomeWriter.office(outcome.office)
    json.raw(",\"missing\":")
    json.strings(outcome.missing)
    json.raw(",\"possible_services\":")
    array(outcome.possibleServices, &json) { possibility, json in
      json.raw("{\"id\":")
      json.string(possibility.id)
      json.raw(",\"if\":")
      json.strings(possibility.facts)
      json.raw(",\"when\":")
      array(possibility.when, &json) { condition, json in
        json.raw("{")
        json.string(condition.fact)
        json.raw(":")
        factValue(condition.value, &json)
        json.raw("}")
      }
      json.raw("}")
    }
    if !extracted.isEmpty {
      json.raw(",\"extracted\":{")
      for (i, (fact, value)) in extracted.sorted(by: { $0.key < $1.key }).enumerated() {
        if i > 0 { json.raw(",") }
        json.string(fact)
        json.raw(":")
        factValue(value, &json)
      }
      json.raw("}")
    }
    if let trace {
      json.raw(",\"trace\":")
      writeTrace(trace, into: &json)
    }
    json.raw("}")
  }

  /// Rule traces as a JSON array: each rule, whether it held (`true`, `false`, `unknown`), the
  /// condition that failed with the value seen, or the unknown facts it waits for.
  public static func writeTrace(_ trace: [RuleTrace], into json: inout JSONText) {
    array(trace, &json) { step, json in
      json.raw("{\"rule\":")
      json.string(step.rule)
      json.raw(",\"result\":")
      json.string(step.result.description)
      if let failed = step.failed {
        json.raw(",\"failed\":")
        json.string(failed.description)
      }
      if !step.unknownFacts.isEmpty {
        json.raw(",\"unknown\":")
        json.strings(step.unknownFacts)
      }
      json.raw("}")
    }
  }

  static func factValue(_ value: FactValue, _ json: inout JSONText) {
    switch value {
    case .choice(let v), .text(let v): json.string(v)
    case .bool(let v): json.raw(v ? "true" : "false")
    case .integer(let v): json.int(v)
    case .set(let v): json.strings(v)
    }
  }

  /// `[a,b,…]`, each element written by `element`.
  private static func array<T>(_ items: [T], _ json: inout JSONText, _ element: (T, inout JSONText) -> Void) {
    json.raw("[")
    for (i, item) in items.enumerated() {
      if i > 0 { json.raw(",") }
      element(item, &json)
    }
    json.raw("]")
  }

  private static func recommendations(_ items: [Outcome.Recommendation], _ json: inout JSONText) {
    array(items, &json) { item, json in
      json.raw("{\"id\":")
      json.string(item.id)
      json.raw(",\"because\":")
      because(item.because, &json)
      json.raw("}")
    }
  }

  private static func because(_ items: [Outcome.Because], _ json: inout JSONText) {
    array(items, &json) { item, json in
      json.raw("{\"rule\":")
      json.string(item.rule)
      json.raw(",\"reason\":")
      json.string(item.reason)
      json.raw("}")
    }
  }

  /// `{"line": N, "id": ..., "error": [{"code": ..., "message": ...}]}` for a rejected request.
  public static func writeError(
    line: Int, file: String? = nil, id: String?, messages: [(code: String, message: String)], into json: inout JSONText
  ) {
    json.raw("{")
    if let file {
      json.raw("\"file\":")
      json.string(file)
      json.raw(",")
    }
    json.raw("\"line\":")
    json.int(line)
    json.raw(",\"id\":")
    json.optionalString(id)
    json.raw(",\"errors\":")
    array(messages, &json) { item, json in
      json.raw("{\"code\":")
      json.string(item.code)
      json.raw(",\"message\":")
      json.string(item.message)
      json.raw("}")
    }
    json.raw("}")
  }
}

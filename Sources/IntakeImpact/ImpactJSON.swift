import IntakeScreening

/// An `ImpactReport` as JSON, schema `crs-intake-diff/1` (documented in the README, "JSON
/// shapes"): keys in a fixed order, so a saved report diffs well.
public enum ImpactJSON {
  public static let schema = "crs-intake-diff/1"

  /// - Parameters:
  ///   - report: what changed.
  ///   - base: the base rules and texts, as named.
  ///   - working: the working rules and texts, as named.
  /// - Returns: one JSON object followed by a newline.
  public static func render(_ report: ImpactReport, base: (rules: String, locales: String), working: (rules: String, locales: String))
    -> [UInt8]
  {
    var json = JSONText()
    json.raw("{")
    json.member("schema", first: true)
    json.string(schema)
    for (key, side) in [("base", base), ("working", working)] {
      json.member(key)
      json.object([("rules", side.rules), ("locales", side.locales)]) { $0.string($1) }
    }
    for (key, count) in [("screened", report.screened), ("changed", report.changed), ("rejected", report.rejected.count)] {
      json.member(key)
      json.int(count)
    }
    json.member("sources")
    let sources = report.sources
    json.object(
      [("scenarios", sources.scenarios), ("records", sources.records), ("sessions", sources.sessions), ("generated", sources.generated)]
    ) { $0.int($1) }
    json.member("groups")
    json.array(report.groups, write)
    json.raw("}\n")
    return json.bytes
  }

  private static func write(_ group: ImpactReport.Group, _ json: inout JSONText) {
    json.raw("{")
    json.member("rules", first: true)
    json.array(group.rules) { rule, json in
      json.raw("{")
      json.members(["rule": rule.rule, "base": rule.base.rawValue, "working": rule.working.rawValue], first: true)
      json.member("edited")
      json.raw(rule.edited ? "true}" : "false}")
    }
    json.member("requests")
    json.int(group.requests)
    json.member("changes")
    json.array(group.changes) { change($0.change, requests: $0.requests, &$1) }
    json.member("examples")
    json.array(group.examples) { example, json in
      json.raw("{")
      json.member("source", first: true)
      origin(example.origin, &json)
      json.member("changes")
      json.array(example.changes) { change($0, requests: nil, &$1) }
      json.raw("}")
    }
    json.raw("}")
  }

  /// `{"field":…,"change":"added|removed","value":…}`, `{…,"change":"changed","before":…,"after":…}`
  /// or `{…,"change":"reordered","before":[…],"after":[…]}` (a group's count of reorderings has
  /// no lists), with `requests` in a group's summary.
  private static func change(_ change: ImpactChange, requests: Int?, _ json: inout JSONText) {
    json.raw("{")
    json.member("field", first: true)
    json.string(change.field.rawValue)
    json.member("change")
    switch change {
    case .added(_, let id), .removed(_, let id):
      if case .added = change { json.string("added") } else { json.string("removed") }
      json.member("value")
      json.string(id)
    case .reordered(_, let before, let after):
      json.string("reordered")
      if !before.isEmpty || !after.isEmpty {
        json.member("before")
        json.strings(before)
        json.member("after")
        json.strings(after)
      }
    case .changed(_, let before, let after):
      json.string("changed")
      json.member("before")
      json.optionalString(before)
      json.member("after")
      json.optionalString(after)
    }
    if let requests {
      json.member("requests")
      json.int(requests)
    }
    json.raw("}")
  }

  /// `{"kind":"scenario","id":…,"location":…}`, `{"kind":"record","file":…,"line":…,"id":…}`,
  /// `{"kind":"session","file":…,"id":…}` or `{"kind":"generated","index":…}`.
  private static func origin(_ origin: ImpactSubject.Origin, _ json: inout JSONText) {
    json.raw("{")
    json.member("kind", first: true)
    switch origin {
    case .scenario(let id, let location):
      json.string("scenario")
      json.members(["id": id, "location": location])
    case .record(let file, let line, let id):
      json.string("record")
      json.member("file")
      json.string(file)
      json.member("line")
      json.int(line)
      json.member("id")
      json.optionalString(id)
    case .session(let file, let id):
      json.string("session")
      json.members(["file": file, "id": id])
    case .generated(let index):
      json.string("generated")
      json.member("index")
      json.int(index)
    }
    json.raw("}")
  }
}

extension JSONText {
  /// `"name":`, after a comma unless it is the object's first member.
  fileprivate mutating func member(_ name: String, first: Bool = false) {
    if !first { raw(",") }
    string(name)
    raw(":")
  }

  /// `{"a":…,"b":…}` with each value written by `value`.
  fileprivate mutating func object<Value>(_ members: [(String, Value)], _ value: (inout JSONText, Value) -> Void) {
    raw("{")
    for (i, (name, item)) in members.enumerated() {
      member(name, first: i == 0)
      value(&self, item)
    }
    raw("}")
  }

  /// Members with string values (null for nil), in the order given, in an object already open.
  fileprivate mutating func members(_ members: KeyValuePairs<String, String?>, first: Bool = false) {
    for (i, (name, value)) in members.enumerated() {
      member(name, first: first && i == 0)
      optionalString(value)
    }
  }

  /// `[…]` with each element written by `element`.
  fileprivate mutating func array<Element>(_ items: [Element], _ element: (Element, inout JSONText) -> Void) {
    raw("[")
    for (i, item) in items.enumerated() {
      if i > 0 { raw(",") }
      element(item, &self)
    }
    raw("]")
  }
}

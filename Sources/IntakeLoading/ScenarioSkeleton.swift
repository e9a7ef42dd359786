import IntakeCore

/// A new scenario file that pins the outcome an author has just seen (`crs-intake test --new`):
/// the request's facts under `given`, and under `expect` its jurisdiction, urgency, services
/// (in order), referrals and office as the rules give them now, so the file passes
/// `crs-intake test` as written and fails once an edit changes any of them.
public struct ScenarioSkeleton: Sendable, Equatable {
  public var id: String
  public var description: String
  /// The facts, as they will be read back from the file.
  public var given: [String: FactValue]
  public var outcome: Outcome
  /// The fact ids in the order of `facts.yaml`, the order `given` is written in.
  public var factOrder: [String]

  /// Evaluates `facts` with `book`.
  /// - Parameters:
  ///   - id: the scenario's id (a safe name, `isValidName`).
  ///   - description: the scenario's description, for the author to rewrite.
  ///   - facts: a request's facts or a session's answers; characters a rule file may not hold
  ///     (controls, bidirectional overrides) are left out, so the file loads.
  /// - Returns: the skeleton, or the problems of facts that do not fit the rules.
  public static func make(
    id: String, description: String, facts: [String: FactValue], book: RuleBook
  ) -> Result<ScenarioSkeleton, RequestProblems> {
    let given = book.normalized(facts).mapValues(safe)
    return book.table(for: given).map { table in
      let outcome = Evaluator(book: book).outcome(of: table, catalog: MessageCatalog(), language: .en)
      return ScenarioSkeleton(id: id, description: description, given: given, outcome: outcome, factOrder: book.facts.map(\.id))
    }
  }

  /// A name usable as both the file name and the scenario id: letters, digits, `-` and `_`,
  /// starting with a letter or digit, at most 64 characters.
  public static func isValidName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 64, isNameCharacter(first), first != "-",
      first != "_"
    else { return false }
    return name.unicodeScalars.allSatisfy(isNameCharacter)
  }

  /// The YAML file: `version: 1` and one scenario, facts in the order of `facts.yaml`.
  public var yaml: String {
    var out = "version: 1\nscenarios:\n"
    out += "  - id: \(Self.scalar(id))\n"
    out += "    description: \(Self.quoted(description))\n"
    out += given.isEmpty ? "    given: {}\n" : "    given:\n"
    for fact in factOrder {
      guard let value = given[fact] else { continue }
      out += "      \(fact): \(Self.yaml(value))\n"
    }
    out += "    expect:\n"
    out += "      jurisdiction: \(Self.scalar(outcome.jurisdiction))\n"
    out += "      basis: \(Self.list(outcome.jurisdictionBases))\n"
    out += "      urgency: \(Self.scalar(outcome.urgency))\n"
    out += "      services: \(Self.list(outcome.services.map(\.id)))\n"
    out += "      referrals: \(Self.list(outcome.referrals.map(\.id)))\n"
    out += "      region: \(Self.scalar(outcome.office.region))\n"
    out += "      office: \(Self.scalar(outcome.office.office))\n"
    out += "      field_office: \(outcome.office.fieldOffice.map(Self.scalar) ?? "null")\n"
    return out
  }

  private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
    isLetter(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
  }

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  private static func yaml(_ value: FactValue) -> String {
    switch value {
    case .bool(let flag): return flag ? "true" : "false"
    case .integer(let number): return String(number)
    case .set(let values): return list(values)
    case .choice(let text): return scalar(text)
    // Text is always quoted, so a city named "123" or "Yes" stays text.
    case .text(let text): return quoted(text)
    }
  }

  private static func list(_ values: [String]) -> String {
    "[" + values.map(scalar).joined(separator: ", ") + "]"
  }

  /// A word as written in the shipped files: plain when YAML reads it back as the same text,
  /// quoted otherwise (`"yes"`, `"NO"`, `"1"`, words with spaces).
  private static func scalar(_ text: String) -> String {
    let plain =
      text.unicodeScalars.first.map(isLetter) == true
      && text.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
      && !NodeReader.booleanWords.contains(text.lowercased()) && text.lowercased() != "null"
    return plain ? text : quoted(text)
  }

  /// A YAML double-quoted scalar.
  private static func quoted(_ text: String) -> String {
    let escaped = text.replacingScalars { scalar in
      switch scalar {
      case "\"": return "\\\""
      case "\\": return "\\\\"
      case "\n": return "\\n"
      case "\r": return "\\r"
      case "\t": return "\\t"
      default: return nil
      }
    }
    return "\"" + escaped + "\""
  }

  private static func safe(_ value: FactValue) -> FactValue {
    func clean(_ text: String) -> String { text.replacingScalars { YAMLSafety.isUnsafe($0.value) ? "" : nil } }
    switch value {
    case .choice(let text): return .choice(clean(text))
    case .text(let text): return .text(clean(text))
    case .set(let values): return .set(values.map(clean))
    case .bool, .integer: return value
    }
  }
}

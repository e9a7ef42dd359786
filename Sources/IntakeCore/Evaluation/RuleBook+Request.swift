extension RuleBook {
  /// The request's facts as a table, or every problem with them (unknown fact, value of the
  /// wrong kind or outside the fact's values, a derived fact given as input).
  public func table(for facts: [String: FactValue]) -> Result<FactTable, RequestProblems> {
    var table = FactTable(factCount: self.facts.count)
    var problems: [RequestProblem] = []
    // A handful of unknown facts are named (with a suggestion), the rest counted.
    var unknownFacts = 0
    lazy var known = self.facts.filter { !$0.derived }.map(\.id)
    for (id, value) in facts.sorted(by: { $0.key < $1.key }) {
      guard let f = factIndex[id] else {
        unknownFacts += 1
        if unknownFacts <= Self.maximumNamedFacts { problems.append(.unknownFact(id, known: known)) }
        continue
      }
      let definition = self.facts[f]
      if definition.derived {
        problems.append(.derivedFact(id))
        continue
      }
      switch (definition.kind, value) {
      case (.choice, .choice(let v)):
        if let index = definition.index(of: v) {
          table.set(f, slot: index)
        } else {
          problems.append(.invalidValue(id, v, expected: definition.values.joined(separator: ", ")))
        }
      case (.bool, .bool(let flag)):
        table.set(f, slot: flag ? 1 : 0)
      case (.set, .set(let values)):
        var mask: UInt64 = 0
        var ok = true
        for v in values {
          if let index = definition.index(of: v) {
            mask |= 1 &<< UInt64(index)
          } else {
            ok = false
            problems.append(.invalidValue(id, v, expected: definition.values.joined(separator: ", ")))
          }
        }
        if ok { table.set(f, slot: Int(truncatingIfNeeded: mask)) }
      case (.set, .choice(let v)):
        // A single value where a list is expected is read as a one-item list.
        if let index = definition.index(of: v) {
          table.set(f, slot: Int(truncatingIfNeeded: UInt64(1) &<< UInt64(index)))
        } else {
          problems.append(.invalidValue(id, v, expected: definition.values.joined(separator: ", ")))
        }
      case (.integer, .integer(let n)):
        if n < (definition.minimum ?? Int.min) {
          problems.append(.invalidValue(id, String(n), expected: "≥ \(definition.minimum ?? 0)"))
        } else {
          table.set(f, slot: n)
        }
      case (.text, .text(let text)), (.text, .choice(let text)):
        table.set(f, text: text)
      default:
        problems.append(.invalidValue(id, value.displayValues.joined(separator: ", "), expected: expectedDescription(definition)))
      }
    }
    if unknownFacts > Self.maximumNamedFacts {
      problems.append(RequestProblem("unknown-fact-more", ["count": String(unknownFacts - Self.maximumNamedFacts)]))
    }
    return problems.isEmpty ? .success(table) : .failure(RequestProblems(problems: problems))
  }

  /// The most unknown facts named in the problems of one request.
  static let maximumNamedFacts = 5

  /// The facts with each value in its fact's kind: JSON cannot tell text from a choice, or a
  /// one-item list from a single value, so `"city": "Houston"` becomes `.text("Houston")`.
  public func normalized(_ facts: [String: FactValue]) -> [String: FactValue] {
    var result = facts
    for (id, value) in facts {
      guard let f = factIndex[id] else { continue }
      switch (self.facts[f].kind, value) {
      case (.text, .choice(let text)): result[id] = .text(text)
      case (.set, .choice(let single)): result[id] = .set([single])
      default: break
      }
    }
    return result
  }

  /// What a fact accepts, for messages: its values, or its kind.
  public func expectedDescription(_ definition: FactDefinition) -> String {
    switch definition.kind {
    case .choice: return definition.values.joined(separator: ", ")
    case .set: return "[" + definition.values.joined(separator: ", ") + "]"
    case .bool: return "true, false"
    case .integer: return "0, 1, 2, …"
    case .text: return "text"
    }
  }

  /// The facts of a table, back as values (derived facts included when known).
  public func values(of table: FactTable) -> [String: FactValue] {
    var result: [String: FactValue] = [:]
    for (f, definition) in facts.enumerated() where table.isKnown(f) {
      let slot = table.slots[f]
      switch definition.kind {
      case .choice: result[definition.id] = .choice(definition.values[slot])
      case .bool: result[definition.id] = .bool(slot != 0)
      case .integer: result[definition.id] = .integer(slot)
      case .text: result[definition.id] = .text(table.texts[f] ?? "")
      case .set:
        let mask = UInt64(truncatingIfNeeded: slot)
        result[definition.id] = .set(definition.values.indices.filter { mask & (1 &<< UInt64($0)) != 0 }.map { definition.values[$0] })
      }
    }
    return result
  }
}

/// Every problem found in one request's facts.
public struct RequestProblems: Error, Sendable, Equatable {
  public var problems: [RequestProblem]

  public init(problems: [RequestProblem]) {
    self.problems = problems
  }
}

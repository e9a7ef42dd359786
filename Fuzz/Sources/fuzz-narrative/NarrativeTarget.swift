import FuzzSupport
import IntakeCore
import IntakeLoading

/// One input as a description in the user's own words (decoded as UTF-8, invalid bytes
/// replaced, as a request's `narrative` or a typed line may hold anything), read by the
/// narrative reader compiled from the shipped lexicon, both as the interview reads it and
/// keeping days ahead. Every finding must be a value its fact can hold, once per fact.
enum NarrativeTarget {
  static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    let reader = ShippedData.narrativeReader
    for extraction in [reader.read(text), reader.read(text, keepingDaysAhead: true)] {
      var facts = Set<String>()
      for finding in extraction.findings {
        guard facts.insert(finding.fact).inserted else { fatalError("two findings for \(finding.fact) in \(text.debugDescription)") }
        if let problem = problem(finding.fact, finding.value) { fatalError("\(text.debugDescription) read as \(problem)") }
      }
    }
  }

  /// Why `value` cannot be a value of `fact`, or nil when it can.
  static func problem(_ fact: String, _ value: FactValue) -> String? {
    guard let definition = ShippedData.loaded.ruleSet.fact(fact) else { return "no fact \(fact)" }
    switch (definition.kind, value) {
    case (.set, .set(let values)): return !values.isEmpty && values.allSatisfy(definition.values.contains) ? nil : "\(fact)=\(values)"
    case (.choice, .choice(let v)): return definition.values.contains(v) ? nil : "\(fact)=\(v)"
    case (.bool, .bool), (.text, .text), (.text, .choice): return nil
    case (.integer, .integer(let n)): return n >= (definition.minimum ?? 0) ? nil : "\(fact)=\(n)"
    default: return "\(fact): \(value) is not a \(definition.kind)"
    }
  }
}

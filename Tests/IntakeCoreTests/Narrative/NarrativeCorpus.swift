import Foundation
import IntakeCore
import IntakeTestSupport
import Testing
import Yams

/// The corpus of descriptions written as people really write (`Corpus/`, tuned on) and its
/// held-out part (`HeldOut/`, never tuned on): what the reader must and must not read from each,
/// and the measures the issue sets targets for.
struct NarrativeCorpus {
  struct Description: Sendable, CustomTestStringConvertible {
    var id: String
    /// vi-diacritics, vi-no-diacritics, mixed, english: the file it came from.
    var kind: String
    var text: String
    var must: [String: FactValue]
    /// Fact -> value that must not be read; nil value: the fact must not be read at all.
    var mustNot: [String: FactValue?]
    var testDescription: String { id }
  }

  /// How one description was read.
  struct Reading {
    var missed: [String] = []
    var wrong: [String] = []
    /// A yes/no fact read as the opposite of what the text says.
    var polarity: [String] = []
    var factsRead = 0
    var complete: Bool { missed.isEmpty }
  }

  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  static func load(_ part: String) -> [Description] {
    let directory = folder.appendingPathComponent(part)
    // "vi-diacritics.round2.yaml" adds to the class "vi-diacritics"; CORPUS_ONLY=round2 reads
    // only the files whose name holds that word (to measure a new batch before tuning on it).
    let only = ProcessInfo.processInfo.environment["CORPUS_ONLY"]
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("answers") && (only.map($0.contains) ?? true) }.sorted()
    return names.flatMap { name -> [Description] in
      guard let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8),
        let root = try? Yams.compose(yaml: text, .basic), let list = root["narratives"]?.sequence
      else { return [] }
      let kind = String(name.split(separator: ".").first ?? "")
      return list.compactMap { item in
        guard let id = item["id"]?.scalar?.string, let text = item["text"]?.scalar?.string else { return nil }
        var must: [String: FactValue] = [:]
        for (key, node) in item["must"]?.mapping ?? [:] {
          if let fact = key.scalar?.string, let v = value(node) { must[fact] = v }
        }
        var mustNot: [String: FactValue?] = [:]
        for (key, node) in item["must_not"]?.mapping ?? [:] {
          guard let fact = key.scalar?.string else { continue }
          mustNot[fact] = node.scalar?.string == "any" ? .some(nil) : value(node)
        }
        return Description(id: id, kind: kind, text: text, must: must, mustNot: mustNot)
      }
    }
  }

  static func value(_ node: Node) -> FactValue? {
    switch node {
    case .scalar(let scalar):
      if scalar.style == .plain, scalar.string == "true" { return .bool(true) }
      if scalar.style == .plain, scalar.string == "false" { return .bool(false) }
      if scalar.style == .plain, let n = Int(scalar.string) { return .integer(n) }
      return .choice(scalar.string)
    case .sequence(let items): return .set(items.compactMap { $0.scalar?.string })
    default: return nil
    }
  }

  /// Compares what was read with what must and must not be read. A text value (a city)
  /// compares as text.
  static func compare(_ description: Description, _ read: [String: FactValue]) -> Reading {
    var result = Reading()
    result.factsRead = read.count
    // A city compares by its name: "St. Paul" and "Saint Paul" are one city.
    func name(_ text: String) -> String {
      let plain = text.lowercased().replacingOccurrences(of: ".", with: "")
      return plain.hasPrefix("saint ") ? "st " + plain.dropFirst(6) : plain
    }
    func same(_ a: FactValue, _ b: FactValue) -> Bool {
      switch (a, b) {
      case (.choice(let x), .text(let y)), (.text(let y), .choice(let x)), (.text(let x), .text(let y)): return name(x) == name(y)
      default: return a == b
      }
    }
    // A single value written for a list fact means a list holding it.
    func asList(_ value: FactValue, like got: FactValue) -> FactValue {
      if case .set = got, case .choice(let one) = value { return .set([one]) }
      return value
    }
    for (fact, written) in description.must.sorted(by: { $0.key < $1.key }) {
      guard let got = read[fact] else {
        result.missed.append(fact)
        continue
      }
      let expected = asList(written, like: got)
      if case .set(let want) = expected, case .set(let have) = got {
        if !Set(want).isSubset(of: Set(have)) { result.missed.append(fact) }
      } else if !same(expected, got) {
        result.wrong.append("\(fact)=\(got.displayValues.joined(separator: ","))")
        if case .bool = expected { result.polarity.append(fact) }
      }
    }
    for (fact, written) in description.mustNot.sorted(by: { $0.key < $1.key }) {
      guard let got = read[fact] else { continue }
      guard let forbidden = written.map({ asList($0, like: got) }) else {
        result.wrong.append("\(fact)=\(got.displayValues.joined(separator: ","))")
        continue
      }
      if case .set(let bad) = forbidden, case .set(let have) = got {
        if !Set(bad).isDisjoint(with: have) { result.wrong.append("\(fact)∋\(bad.joined(separator: ","))") }
      } else if same(forbidden, got) {
        result.wrong.append("\(fact)=\(got.displayValues.joined(separator: ","))")
        if case .bool = forbidden { result.polarity.append(fact) }
      }
    }
    return result
  }

  /// Per kind: descriptions, how many were read completely, with any wrong fact, with a
  /// polarity error; and wrong facts against facts read.
  struct Measure {
    var descriptions = 0
    var complete = 0
    var withWrong = 0
    var withPolarity = 0
    var wrongFacts = 0
    var factsRead = 0

    var completeShare: Double { descriptions == 0 ? 0 : Double(complete) / Double(descriptions) }
    var wrongShare: Double { descriptions == 0 ? 0 : Double(withWrong) / Double(descriptions) }
    var wrongFactShare: Double { factsRead == 0 ? 0 : Double(wrongFacts) / Double(factsRead) }

    mutating func add(_ reading: Reading) {
      descriptions += 1
      if reading.complete { complete += 1 }
      if !reading.wrong.isEmpty { withWrong += 1 }
      if !reading.polarity.isEmpty { withPolarity += 1 }
      wrongFacts += reading.wrong.count
      factsRead += reading.factsRead
    }
  }

  static func measure(_ descriptions: [Description], _ reader: NarrativeReader) -> (byKind: [String: Measure], readings: [String: Reading])
  {
    var byKind: [String: Measure] = [:]
    var readings: [String: Reading] = [:]
    for description in descriptions {
      let reading = compare(description, reader.read(description.text).facts)
      byKind[description.kind, default: Measure()].add(reading)
      readings[description.id] = reading
    }
    return (byKind, readings)
  }

  /// The measures as a Markdown table.
  static func table(_ byKind: [String: Measure]) -> String {
    var lines = [
      "| class | descriptions | all expected facts read | with a wrong fact | wrong facts / facts read | polarity errors |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    func pct(_ x: Double) -> String { String(format: "%.1f %%", x * 100) }
    var total = Measure()
    for kind in byKind.keys.sorted() {
      let m = byKind[kind] ?? Measure()
      lines.append(
        "| \(kind) | \(m.descriptions) | \(pct(m.completeShare)) | \(pct(m.wrongShare)) | \(pct(m.wrongFactShare)) | \(m.withPolarity) |")
      total.descriptions += m.descriptions
      total.complete += m.complete
      total.withWrong += m.withWrong
      total.withPolarity += m.withPolarity
      total.wrongFacts += m.wrongFacts
      total.factsRead += m.factsRead
    }
    lines.append(
      "| all | \(total.descriptions) | \(pct(total.completeShare)) | \(pct(total.wrongShare)) | \(pct(total.wrongFactShare)) | \(total.withPolarity) |"
    )
    return lines.joined(separator: "\n")
  }
}

import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing
import Yams

/// The narrative table (`narratives.yaml`): stories in Vietnamese (with and without
/// diacritics) and English, each with the facts the shipped lexicon must read from it and
/// the facts it must not.
@Suite("Narratives")
struct NarrativeTableTests {
  struct Narrative: CustomTestStringConvertible, Sendable {
    var id: String
    var language: String
    var diacritics: Bool
    var text: String
    var must: [String: FactValue]
    /// Fact -> value that must not be read; nil value: the fact must not be read at all.
    var mustNot: [String: FactValue?]
    var testDescription: String { id }
  }

  static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("narratives.yaml")

  static let narratives: [Narrative] = {
    guard let text = try? String(contentsOf: file, encoding: .utf8), let root = try? Yams.compose(yaml: text, .basic),
      let list = root["narratives"]?.sequence
    else { return [] }
    func value(_ node: Node) -> FactValue? {
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
      return Narrative(
        id: id, language: item["language"]?.scalar?.string ?? "en", diacritics: item["diacritics"]?.scalar?.string != "false",
        text: text, must: must, mustNot: mustNot)
    }
  }()

  static let reader: NarrativeReader? = ShippedData.loaded.narrativeReader()

  @Test("The table has at least 80 stories: half Vietnamese, a quarter without diacritics, and some with nothing to find")
  func tableShape() {
    let all = Self.narratives
    #expect(all.count >= 80)
    let vietnamese = all.filter { $0.language == "vi" }
    #expect(vietnamese.count * 2 >= all.count)
    #expect(vietnamese.filter { !$0.diacritics }.count * 4 >= all.count)
    #expect(all.filter { $0.must.isEmpty && $0.mustNot.values.contains { $0 == nil } }.count >= 5)
  }

  @Test("Each story gives the facts it must, and none it must not", arguments: narratives)
  func reads(_ narrative: Narrative) throws {
    let reader = try #require(Self.reader)
    let facts = reader.read(narrative.text).facts
    for (fact, expected) in narrative.must {
      let found = facts[fact]
      switch (expected, found) {
      case (.set(let wanted), .set(let got)?):
        #expect(Set(wanted).isSubset(of: Set(got)), "\(fact): wanted \(wanted), read \(got)")
      case (.choice(let text), .text(let got)?):
        #expect(text == got, "\(fact): wanted \(text), read \(got)")
      default:
        #expect(found == expected, "\(fact): wanted \(expected), read \(String(describing: found))")
      }
    }
    for (fact, forbidden) in narrative.mustNot {
      if let forbidden {
        #expect(facts[fact] != forbidden, "\(fact) must not be \(forbidden)")
      } else {
        #expect(facts[fact] == nil, "\(fact) must not be read; read \(String(describing: facts[fact]))")
      }
    }
  }

  @Test("Negation: 'nobody was hurt' and 'không có ai bị thương' never make violence true")
  func negation() throws {
    let reader = try #require(Self.reader)
    for text in ["Nobody was hurt.", "Không có ai bị thương.", "khong co ai bi thuong"] {
      #expect(reader.read(text).facts["violence"] != .bool(true), "\(text)")
    }
  }

  @Test("A rally that happened and one that is planned read differently")
  func tense() throws {
    let reader = try #require(Self.reader)
    let past = reader.read("There was a protest downtown yesterday.").facts
    #expect(past["incident_types"] == .set(["protest_or_unrest"]))
    #expect(past["planned_event"] != .bool(true))
    let future = reader.read("A march is planned next week.").facts
    #expect(future["planned_event"] == .bool(true))
  }
}

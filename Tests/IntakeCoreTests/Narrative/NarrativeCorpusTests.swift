import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// The reader on descriptions written as people really write, per class (Vietnamese with and
/// without diacritics, mixed, English). `CORPUS_DETAILS=1` prints every description of the
/// tuning corpus that was not read completely or was read wrong; the held-out part is only
/// ever measured, never shown.
@Suite("Narrative corpus")
struct NarrativeCorpusTests {
  static let reader = ShippedData.loaded.narrativeReader()

  @Test("the tuning corpus holds at least 320 descriptions of every class")
  func tuningShape() {
    let all = NarrativeCorpus.load("Corpus")
    let kinds = Dictionary(grouping: all, by: \.kind).mapValues(\.count)
    #expect(all.count >= 320, "\(kinds)")
    #expect(Set(all.map(\.id)).count == all.count)
  }

  @Test("the tuning corpus: measured, and printed in detail with CORPUS_DETAILS=1")
  func tuning() throws {
    let reader = try #require(Self.reader)
    let corpus = NarrativeCorpus.load("Corpus")
    let (byKind, readings) = NarrativeCorpus.measure(corpus, reader)
    print("Tuning corpus:\n" + NarrativeCorpus.table(byKind))
    if ProcessInfo.processInfo.environment["CORPUS_DETAILS"] == "1" {
      print("Misses by fact: " + Self.missesByFact(readings))
      for description in corpus {
        guard let reading = readings[description.id], !reading.complete || !reading.wrong.isEmpty else { continue }
        print(
          "\(description.id): missed \(reading.missed) wrong \(reading.wrong)\n  \(description.text)\n  read \(reader.read(description.text).findings.map { "\($0.fact)=\($0.value.displayValues.joined(separator: ",")) ← \($0.words.joined(separator: " | "))" })"
        )
      }
    }
    let total = byKind.values.reduce(0) { $0 + $1.withPolarity }
    #expect(total == 0, "polarity errors on the tuning corpus")
  }

  /// Which facts are missed or read wrong most, by description: where the reader falls short
  /// in general.
  static func missesByFact(_ readings: [String: NarrativeCorpus.Reading]) -> String {
    var byFact: [String: (missed: Int, wrong: Int)] = [:]
    for reading in readings.values {
      for fact in reading.missed { byFact[fact, default: (0, 0)].missed += 1 }
      for wrong in reading.wrong { byFact[String(wrong.prefix { $0 != "=" }), default: (0, 0)].wrong += 1 }
    }
    return byFact.sorted { ($0.value.missed + $0.value.wrong, $1.key) > ($1.value.missed + $1.value.wrong, $0.key) }
      .map { "\($0.key) \($0.value.missed) missed, \($0.value.wrong) wrong" }.joined(separator: "; ")
  }

  @Test("the held-out corpus: measured against the targets")
  func heldOut() throws {
    let reader = try #require(Self.reader)
    let corpus = NarrativeCorpus.load("HeldOut")
    #expect(corpus.count >= 80)
    let (byKind, readings) = NarrativeCorpus.measure(corpus, reader)
    print("Held-out corpus:\n" + NarrativeCorpus.table(byKind))
    // Counts only, never a text: where the reader falls short, without tuning on what it read.
    print("Held-out misses by fact: " + Self.missesByFact(readings))
    // Floors at the level measured (Corpus/REPORT.md), so that nothing slips back unnoticed;
    // the issue's targets are higher (90 % complete, under 2 % wrong, no polarity error).
    let all = byKind.values.reduce(into: NarrativeCorpus.Measure()) { total, m in
      total.descriptions += m.descriptions
      total.complete += m.complete
      total.withPolarity += m.withPolarity
      total.wrongFacts += m.wrongFacts
      total.factsRead += m.factsRead
    }
    #expect(Double(all.complete) >= 0.60 * Double(all.descriptions), "complete descriptions on the held-out corpus")
    #expect(Double(all.wrongFacts) <= 0.03 * Double(all.factsRead), "wrong facts on the held-out corpus")
    #expect(all.withPolarity <= 2, "polarity errors on the held-out corpus")
  }
}

import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Derived facts: the conflict policy (priority, then file order), set union, dependency
/// order between derivations, and cycles.
@Suite("Derivations and the conflict policy")
struct DerivationTests {
  typealias I = Inline
  static let allTrue: [String: FactValue] = ["a": .bool(true), "b": .bool(true), "c": .bool(true)]

  @Test("the higher priority wins over file order")
  func higherPriorityWins() throws {
    let book = try I.book([
      I.derive("first", "level", ["mid"], priority: 10, when: I.eq("a", true)),
      I.derive("second", "level", ["high"], priority: 20, when: I.eq("b", true)),
    ])
    let run = try Evaluation(book, Self.allTrue)
    #expect(run.values["level"] == .choice("high"))
  }

  @Test("at equal priority the rule written first wins")
  func fileOrderBreaksTies() throws {
    let book = try I.book([
      I.derive("first", "level", ["mid"], priority: 10, when: I.eq("a", true)),
      I.derive("second", "level", ["high"], priority: 10, when: I.eq("b", true)),
    ])
    #expect(try Evaluation(book, Self.allTrue).values["level"] == .choice("mid"))
    // Only the second holds: it decides.
    #expect(try Evaluation(book, ["a": .bool(false), "b": .bool(true)]).values["level"] == .choice("high"))
  }

  @Test("file order decides ties even when the earlier rule runs later (it reads a derived fact)")
  func fileOrderNotEvaluationOrder() throws {
    let book = try I.book([
      // Written first, but reads `tier`, so it must run after `tier-rule`.
      I.derive("reads-tier", "level", ["mid"], priority: 5, when: I.eq("tier", "t2")),
      I.derive("plain", "level", ["high"], priority: 5, when: I.eq("a", true)),
      I.derive("tier-rule", "tier", ["t2"], when: I.eq("b", true)),
    ])
    let run = try Evaluation(book, Self.allTrue)
    #expect(run.values["tier"] == .choice("t2"))
    #expect(run.values["level"] == .choice("mid"))
  }

  @Test("the outcome names the rule that won, not the one that lost")
  func outcomeBecauseIsTheWinner() throws {
    let facts = FactDefinition(
      id: "urgency", kind: .choice, values: ["emergency", "urgent", "standard"], derived: true, defaultValue: "standard")
    var ruleSet = Inline.ruleSet([
      I.derive("low", "urgency", ["urgent"], priority: 10, when: I.eq("a", true)),
      I.derive("high", "urgency", ["emergency"], priority: 30, when: I.eq("b", true)),
    ])
    ruleSet.facts.append(facts)
    let (compiled, diagnostics) = RuleBook.compile(ruleSet)
    let book = try #require(compiled, "\(diagnostics)")
    let run = try Evaluation(book, Self.allTrue)
    #expect(run.outcome.urgency == "emergency")
    #expect(run.outcome.urgencyBecause.map(\.rule) == ["high"])
    let none = try Evaluation(book, ["a": .bool(false), "b": .bool(false)])
    #expect(none.outcome.urgency == "standard")
    #expect(none.outcome.urgencyBecause.isEmpty)
  }

  @Test("derived sets take the union of every rule that holds, whatever the priorities")
  func setsTakeTheUnion() throws {
    let book = try I.book([
      I.derive("one", "flags", ["f1"], priority: 1, when: I.eq("a", true)),
      I.derive("three", "flags", ["f3"], priority: 9, when: I.eq("b", true)),
      I.derive("one-again", "flags", ["f1", "f2"], when: I.eq("c", false)),
    ])
    #expect(try Evaluation(book, Self.allTrue).values["flags"] == .set(["f1", "f3"]))
    #expect(try Evaluation(book, ["a": .bool(true), "b": .bool(true), "c": .bool(false)]).values["flags"] == .set(["f1", "f2", "f3"]))
    #expect(try Evaluation(book, ["a": .bool(false), "b": .bool(false), "c": .bool(true)]).values["flags"] == nil)
  }

  @Test("a derivation reading another derived fact sees its final value, whatever the file order")
  func dependencyOrder() throws {
    // Written in reverse dependency order: stage <- tier <- level <- a.
    let book = try I.book([
      I.derive("stage", "stage", ["s_two"], when: I.eq("tier", "t2")),
      I.derive("tier", "tier", ["t2"], when: I.eq("level", "high")),
      I.derive("level", "level", ["high"], when: I.eq("a", true)),
      I.recommend("service", "s1", when: I.eq("stage", "s_two")),
    ])
    let run = try Evaluation(book, ["a": .bool(true)])
    #expect(run.values["level"] == .choice("high"))
    #expect(run.values["tier"] == .choice("t2"))
    #expect(run.values["stage"] == .choice("s_two"))
    #expect(run.services == ["s1"])
    let off = try Evaluation(book, ["a": .bool(false)])
    #expect(off.values["stage"] == nil)
    #expect(off.services.isEmpty)
  }

  @Test("a rule reading a derived fact sees the winner of the conflict, not the first value set")
  func readerSeesWinner() throws {
    let book = try I.book([
      I.derive("reader", "tier", ["t2"], when: I.eq("level", "high")),
      I.derive("low", "level", ["low"], priority: 1, when: I.eq("a", true)),
      I.derive("high", "level", ["high"], priority: 2, when: I.eq("b", true)),
    ])
    #expect(try Evaluation(book, Self.allTrue).values["tier"] == .choice("t2"))
  }

  @Test("a derivation cycle is a compile error naming the rules in it")
  func cycleIsAnError() {
    let rules = [
      I.derive("tier-from-level", "tier", ["t2"], when: I.eq("level", "high")),
      I.derive("level-from-tier", "level", ["high"], when: I.eq("tier", "t2")),
      I.derive("independent", "stage", ["s_one"], when: I.eq("a", true)),
    ]
    let (book, diagnostics) = RuleBook.compile(Inline.ruleSet(rules))
    #expect(book == nil)
    let cycle = diagnostics.filter { $0.code == .derivationCycle }
    #expect(cycle.allSatisfy { $0.severity == .error })
    #expect(Set(cycle.compactMap { $0.arguments["rule"] }) == ["tier-from-level", "level-from-tier"])
  }

  @Test("a rule deriving a fact from itself is a cycle")
  func selfCycle() {
    let rules = [I.derive("self", "level", ["high"], when: I.eq("level", "low"))]
    let (book, diagnostics) = RuleBook.compile(Inline.ruleSet(rules))
    #expect(book == nil)
    #expect(diagnostics.map(\.code) == [.derivationCycle])
  }

  @Test("a cycle written in YAML is reported at the rules' file, line and column")
  func cycleFromYAML() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let text = """
      version: 1
      rules:
        - id: level-from-tier
          when: { fact: tier, equals: t2 }
          derive: { level: high }
        - id: tier-from-level
          when: { fact: level, equals: high }
          derive: { tier: t2 }
        - id: uses-level
          when: { fact: level, equals: high }
          recommend: s1
      """
    let rules = try MiniRulesFolder.write(in: folder, rules: text)
    let (ruleSet, loadDiagnostics) = RulesLoader(directory: rules).load()
    #expect(!loadDiagnostics.hasErrors, "\(loadDiagnostics)")
    let (book, diagnostics) = RuleBook.compile(ruleSet)
    #expect(book == nil)
    let cycle = diagnostics.filter { $0.code == .derivationCycle }.sorted { $0.location.line < $1.location.line }
    #expect(cycle.map(\.location.file) == ["Rules/rules/main.yaml", "Rules/rules/main.yaml"])
    #expect(cycle.map(\.location.line) == [3, 6])
    #expect(cycle.map(\.location.column) == [9, 9])
  }

  @Test("deriving an input fact, or a choice with two values, is a compile error")
  func deriveMisuse() {
    let rules = [
      I.derive("input", "color", ["red"], when: I.eq("a", true)),
      I.derive("two", "level", ["low", "high"], when: I.eq("a", true)),
    ]
    let (book, diagnostics) = RuleBook.compile(Inline.ruleSet(rules))
    #expect(book == nil)
    #expect(Set(diagnostics.map(\.code)) == [.deriveInputFact, .deriveOneValue])
  }
}

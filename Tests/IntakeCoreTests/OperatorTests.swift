import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Every operator of the closed set, on the kinds of fact it applies to, with a value that
/// holds, one that does not, and an unknown value.
@Suite("Condition operators")
struct OperatorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var fact: String
    var op: RuleOperator
    var operand: Condition.Operand
    /// nil: the fact is not given.
    var value: FactValue?
    var expected: Tri

    var testDescription: String { "\(fact) \(op.rawValue) \(operand) with \(value.map { "\($0)" } ?? "unknown") → \(expected)" }
  }

  static let cases: [Case] = [
    // equals: choice, bool, integer, text (folded), set (same set)
    Case(fact: "color", op: .equals, operand: .values(["red"]), value: .choice("red"), expected: .true),
    Case(fact: "color", op: .equals, operand: .values(["red"]), value: .choice("blue"), expected: .false),
    Case(fact: "color", op: .equals, operand: .values(["red"]), value: nil, expected: .unknown),
    Case(fact: "a", op: .equals, operand: .bool(true), value: .bool(true), expected: .true),
    Case(fact: "a", op: .equals, operand: .bool(true), value: .bool(false), expected: .false),
    Case(fact: "a", op: .equals, operand: .bool(false), value: .bool(false), expected: .true),
    Case(fact: "n", op: .equals, operand: .integers([5]), value: .integer(5), expected: .true),
    Case(fact: "n", op: .equals, operand: .integers([5]), value: .integer(6), expected: .false),
    Case(fact: "city", op: .equals, operand: .values(["Đà Nẵng"]), value: .text("DA NANG"), expected: .true),
    Case(fact: "city", op: .equals, operand: .values(["Đà Nẵng"]), value: .text("Huế"), expected: .false),
    Case(fact: "tags", op: .equals, operand: .values(["x", "y"]), value: .set(["y", "x"]), expected: .true),
    Case(fact: "tags", op: .equals, operand: .values(["x", "y"]), value: .set(["x"]), expected: .false),
    Case(fact: "tags", op: .equals, operand: .values(["x", "y"]), value: .set(["x", "y", "z"]), expected: .false),
    // in
    Case(fact: "color", op: .in, operand: .values(["red", "green"]), value: .choice("green"), expected: .true),
    Case(fact: "color", op: .in, operand: .values(["red", "green"]), value: .choice("blue"), expected: .false),
    Case(fact: "color", op: .in, operand: .values(["red", "green"]), value: nil, expected: .unknown),
    // includes, includes_any, includes_all
    Case(fact: "tags", op: .includes, operand: .values(["x"]), value: .set(["x", "z"]), expected: .true),
    Case(fact: "tags", op: .includes, operand: .values(["x"]), value: .set(["y"]), expected: .false),
    Case(fact: "tags", op: .includes, operand: .values(["x"]), value: .set([]), expected: .false),
    Case(fact: "tags", op: .includes, operand: .values(["x"]), value: nil, expected: .unknown),
    Case(fact: "tags", op: .includesAny, operand: .values(["x", "y"]), value: .set(["y"]), expected: .true),
    Case(fact: "tags", op: .includesAny, operand: .values(["x", "y"]), value: .set(["z"]), expected: .false),
    Case(fact: "tags", op: .includesAny, operand: .values(["x", "y"]), value: nil, expected: .unknown),
    Case(fact: "tags", op: .includesAll, operand: .values(["x", "y"]), value: .set(["x", "y", "z"]), expected: .true),
    Case(fact: "tags", op: .includesAll, operand: .values(["x", "y"]), value: .set(["x", "z"]), expected: .false),
    Case(fact: "tags", op: .includesAll, operand: .values(["x", "y"]), value: nil, expected: .unknown),
    // comparisons
    Case(fact: "n", op: .lessThan, operand: .integers([5]), value: .integer(4), expected: .true),
    Case(fact: "n", op: .lessThan, operand: .integers([5]), value: .integer(5), expected: .false),
    Case(fact: "n", op: .lessThan, operand: .integers([5]), value: nil, expected: .unknown),
    Case(fact: "n", op: .atMost, operand: .integers([5]), value: .integer(5), expected: .true),
    Case(fact: "n", op: .atMost, operand: .integers([5]), value: .integer(6), expected: .false),
    Case(fact: "n", op: .atMost, operand: .integers([5]), value: nil, expected: .unknown),
    Case(fact: "n", op: .greaterThan, operand: .integers([5]), value: .integer(6), expected: .true),
    Case(fact: "n", op: .greaterThan, operand: .integers([5]), value: .integer(5), expected: .false),
    Case(fact: "n", op: .greaterThan, operand: .integers([5]), value: nil, expected: .unknown),
    Case(fact: "n", op: .atLeast, operand: .integers([5]), value: .integer(5), expected: .true),
    Case(fact: "n", op: .atLeast, operand: .integers([5]), value: .integer(4), expected: .false),
    Case(fact: "n", op: .atLeast, operand: .integers([5]), value: nil, expected: .unknown),
    Case(fact: "n", op: .between, operand: .integers([3, 5]), value: .integer(3), expected: .true),
    Case(fact: "n", op: .between, operand: .integers([3, 5]), value: .integer(5), expected: .true),
    Case(fact: "n", op: .between, operand: .integers([3, 5]), value: .integer(2), expected: .false),
    Case(fact: "n", op: .between, operand: .integers([3, 5]), value: .integer(6), expected: .false),
    Case(fact: "n", op: .between, operand: .integers([3, 5]), value: nil, expected: .unknown),
    // known / unknown are never unknown themselves
    Case(fact: "color", op: .known, operand: .bool(true), value: .choice("red"), expected: .true),
    Case(fact: "color", op: .known, operand: .bool(true), value: nil, expected: .false),
    Case(fact: "tags", op: .known, operand: .bool(true), value: .set([]), expected: .true),
    Case(fact: "color", op: .known, operand: .bool(false), value: nil, expected: .true),
    Case(fact: "n", op: .unknown, operand: .bool(true), value: nil, expected: .true),
    Case(fact: "n", op: .unknown, operand: .bool(true), value: .integer(0), expected: .false),
    Case(fact: "n", op: .unknown, operand: .bool(false), value: .integer(0), expected: .true),
  ]

  @Test("each case holds, fails or stays unknown as documented", arguments: cases)
  func operatorCase(_ test: Case) throws {
    let book = try Inline.book([Inline.recommend("r", "s1", when: Inline.leaf(test.fact, test.op, test.operand))])
    let run = try Evaluation(book, test.value.map { [test.fact: $0] } ?? [:])
    #expect(run.result("r") == test.expected)
    #expect(run.services == (test.expected == .true ? ["s1"] : []))
  }

  @Test("the table covers every operator")
  func everyOperatorCovered() {
    #expect(Set(Self.cases.map(\.op)) == Set(RuleOperator.allCases))
  }

  @Test("an operator on the wrong kind of fact is a compile error naming operator, fact and kind")
  func wrongKind() {
    let rules = [Inline.recommend("r", "s1", when: Inline.leaf("color", .includes, .values(["red"])))]
    let (book, diagnostics) = RuleBook.compile(Inline.ruleSet(rules))
    #expect(book == nil)
    let diagnostic = diagnostics.first { $0.code == .operatorKind }
    #expect(diagnostic?.arguments["operator"] == "includes")
    #expect(diagnostic?.arguments["fact"] == "color")
    #expect(diagnostic?.arguments["kind"] == "choice")
  }

  @Test("`between` with the high end first is a compile error")
  func betweenOrder() {
    let rules = [Inline.recommend("r", "s1", when: Inline.leaf("n", .between, .integers([9, 3])))]
    let (book, diagnostics) = RuleBook.compile(Inline.ruleSet(rules))
    #expect(book == nil)
    #expect(diagnostics.map(\.code) == [.betweenOrder])
  }

  @Test("YAML spellings `<`, `<=`, `>`, `>=` read as the comparison operators")
  func yamlAliases() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rules = try MiniRulesFolder.write(
      in: folder,
      rules: """
        version: 1
        rules:
          - { id: lt, when: { fact: days, "<": 5 }, recommend: s1 }
          - { id: le, when: { fact: days, "<=": 5 }, recommend: s1 }
          - { id: gt, when: { fact: days, ">": 5 }, recommend: s1 }
          - { id: ge, when: { fact: days, ">=": 5 }, recommend: s1 }
        """)
    let (ruleSet, diagnostics) = RulesLoader(directory: rules).load()
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
    let ops = ruleSet.rules.map { $0.condition.leaves.first?.op }
    #expect(ops == [.lessThan, .atMost, .greaterThan, .atLeast])
  }
}

import IntakeCore
import Testing

private typealias I = Inline

/// `check` warns about derivations of one choice fact that can hold together with different
/// values: overridden by a higher priority (shadowed) or, at equal priority, in conflict. The
/// check pairs derivations through an index (by the value each pins of a choice fact), so it
/// must report exactly the pairs that can hold together, and none that cannot.
@Suite("Derivations in conflict or shadowed")
struct DerivationConflictTests {
  static func warnings(_ rules: [Rule]) -> [String] {
    RuleSetLint(ruleSet: Inline.ruleSet(rules), catalog: MessageCatalog(texts: [:]))
      .run()
      .filter { $0.code == .derivationConflict || $0.code == .ruleShadowed }
      .map { "\($0.code.rawValue) \($0.arguments["rule"] ?? "") \($0.arguments["other"] ?? $0.arguments["by"] ?? "")" }
  }

  @Test("pairs that pin different values never conflict; pinned against unpinned, and shadowed, are found")
  func pinnedPairs() {
    let rules = [
      I.derive("red-a", "level", ["low"], when: I.all(I.eq("color", "red"), I.eq("a", true))),
      I.derive("red-b", "level", ["high"], when: I.all(I.eq("color", "red"), I.eq("b", true))),
      I.derive("green-a", "level", ["high"], when: I.all(I.eq("color", "green"), I.eq("a", true))),
      I.derive("any-a", "level", ["high"], when: I.eq("a", true)),
      I.derive("blue-a", "level", ["low"], priority: 10, when: I.all(I.eq("color", "blue"), I.eq("a", true))),
      I.derive("blue-a-b", "level", ["high"], when: I.all(I.eq("color", "blue"), I.eq("a", true), I.eq("b", true))),
    ]
    #expect(
      Self.warnings(rules) == [
        "derivation-conflict red-b red-a", "derivation-conflict any-a red-a", "rule-shadowed blue-a-b blue-a",
      ])
  }

  @Test("many derivations pinned to many values: only the pairs of one value are reported")
  func manyPinned() {
    // 3 colors × 40 derivations alternating two values: 3 × 20 × 20 conflicting pairs, each
    // reported once on the later rule; none across colors.
    var rules: [Rule] = []
    for i in 0..<120 {
      let color = ["red", "green", "blue"][i % 3]
      rules.append(I.derive("d\(i)", "level", [i % 2 == 0 ? "low" : "high"], when: I.all(I.eq("color", color), I.eq("a", true))))
    }
    let found = Self.warnings(rules)
    #expect(found.count == 3 * 20 * 20)
    #expect(
      found.allSatisfy { line in
        let ids = line.split(separator: " ").dropFirst().compactMap { Int($0.dropFirst()) }
        return ids.count == 2 && ids[0] % 3 == ids[1] % 3
      })
  }
}

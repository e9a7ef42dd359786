import Foundation
import IntakeCore
import IntakeTestSupport
import Testing

/// `Rules/README.md` is the rule author's reference: it must name every operator the loader
/// accepts and every data file the loader reads.
@Suite("Rules reference")
struct RulesReadmeTests {
  static let readme = (try? String(contentsOf: PackagePaths.rules.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

  @Test("Every operator is documented with an example", arguments: RuleOperator.allCases)
  func operatorDocumented(_ op: RuleOperator) {
    #expect(Self.readme.contains("| `\(op.rawValue)`"), "\(op.rawValue) is missing from Rules/README.md")
    #expect(Self.readme.contains("\(op.rawValue): "), "\(op.rawValue) has no example in Rules/README.md")
  }

  @Test(
    "Every data file is described",
    arguments: [
      "facts.yaml", "services.yaml", "referrals.yaml", "offices.yaml", "questions.yaml", "lexicon.yaml", "rules/*.yaml", "scenarios/*.yaml",
    ])
  func fileDocumented(_ file: String) {
    #expect(Self.readme.contains("`\(file)`"))
  }
}

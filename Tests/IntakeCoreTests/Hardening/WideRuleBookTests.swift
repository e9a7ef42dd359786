import Foundation
import IntakeTestSupport
import Testing

/// Issue 11: a rule book with more referrals or services than a 64-bit mask holds still refers
/// people to the right place.
@Suite("Hardening: more than 64 referrals and services")
struct WideRuleBookTests {
  /// The shipped data plus `extraReferrals` referrals and `extraServices` services, each given
  /// by its own rule when `incident_days_ago` is 5000 + its number, with their texts.
  private static func widened(_ folder: TemporaryFolder, extraReferrals: Int, extraServices: Int) throws -> (rules: URL, locales: URL) {
    let rules = try folder.copyOfShippedRules()
    let locales = folder.url.appendingPathComponent("Locales")
    try FileManager.default.copyItem(at: PackagePaths.locales, to: locales)
    func append(_ url: URL, _ text: String) throws {
      try (try String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
    }
    try append(
      rules.appendingPathComponent("referrals.yaml"),
      (0..<extraReferrals).map { "  - { id: extra_\($0), contact: \"x\", source: \"test\" }\n" }.joined())
    try append(
      rules.appendingPathComponent("services.yaml"),
      (0..<extraServices).map { "  - { id: more_\($0), kind: service, source: \"test\" }\n" }.joined())
    var extra = "version: 1\nrules:\n"
    var texts = ""
    for n in 0..<extraReferrals {
      extra += "  - id: extra.\(n)\n    when: { fact: incident_days_ago, equals: \(5000 + n) }\n    refer: extra_\(n)\n"
      texts +=
        "  referral.extra_\(n).name: \"Extra \(n)\"\n  referral.extra_\(n).what: \"Extra \(n).\"\n  reason.extra.\(n): \"Extra \(n).\"\n"
    }
    for n in 0..<extraServices {
      extra +=
        "  - id: more.\(n)\n    when: { all: [{ fact: incident_days_ago, equals: \(6000 + n) }, { fact: jurisdiction, in: [in_scope, assess] }] }\n"
      extra += "    recommend: more_\(n)\n    weight: 1\n"
      texts +=
        "  service.more_\(n).name: \"More \(n)\"\n  service.more_\(n).what: \"More \(n).\"\n  service.more_\(n).outcome: \"More \(n).\"\n"
      texts += "  service.more_\(n).for_whom: \"More \(n)\"\n  service.more_\(n).length: \"More \(n)\"\n"
      texts += "  reason.more.\(n): \"More \(n).\"\n"
    }
    try extra.write(to: rules.appendingPathComponent("rules/extra.yaml"), atomically: true, encoding: .utf8)
    for language in ["en", "vi"] { try append(locales.appendingPathComponent("\(language).yaml"), texts) }
    return (rules, locales)
  }

  private static func referrals(_ stdout: String) throws -> [String] {
    let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
    return ((object?["referrals"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
  }

  @Test("70 referrals: the 65th and later are given for their own rule, not wrapped onto the first")
  func seventyReferrals() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let data = try Self.widened(folder, extraReferrals: 60, extraServices: 0)
    let check = try await CLI.run(["check", "--rules", data.rules.path, "--locales", data.locales.path])
    #expect(check.status == 0, "\(check.stderr.prefix(2000))")
    for n in [0, 53, 54, 55, 59] {
      let request = #"{"schema":"crs-intake/1","facts":{"state":"WA","bases":["race"],"incident_days_ago":\#(5000 + n)}}"#
      let result = try await CLI.run(["screen", "--rules", data.rules.path, "--locales", data.locales.path], stdin: request + "\n")
      let referrals = try Self.referrals(result.stdout)
      #expect(referrals.contains("extra_\(n)"), "\(n): \(referrals) \(result.stderr)")
      #expect(!referrals.contains("call_911") && !referrals.contains("local_police"), "\(n): \(referrals)")
      #expect(referrals.filter { $0.hasPrefix("extra_") } == ["extra_\(n)"])
    }
  }

  @Test("70 services: a service past the 64th is recommended for its own rule")
  func seventyServices() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let data = try Self.widened(folder, extraReferrals: 0, extraServices: 57)
    let check = try await CLI.run(["check", "--rules", data.rules.path, "--locales", data.locales.path])
    #expect(check.status == 0, "\(check.stderr.prefix(2000))")
    let request = #"{"schema":"crs-intake/1","facts":{"state":"WA","bases":["race"],"incident_days_ago":6056}}"#
    let result = try await CLI.run(["screen", "--rules", data.rules.path, "--locales", data.locales.path], stdin: request + "\n")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let services = ((object?["services"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
    #expect(services.contains("more_56"), "\(services) \(result.stderr)")
  }
}

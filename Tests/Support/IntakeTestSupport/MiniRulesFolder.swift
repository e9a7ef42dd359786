import Foundation

/// A minimal Rules/ folder on disk (facts, services, referrals, offices, one rules file), with
/// the same vocabulary as `Inline`, for tests that go through the YAML loader.
public enum MiniRulesFolder {
  /// `facts.yaml`: a, b (bool), color (choice), days (integer ≥ 0); derived level and tier.
  public static let facts = """
    version: 1
    facts:
      - { id: a, type: bool }
      - { id: b, type: bool }
      - { id: color, type: choice, values: [red, green, blue] }
      - { id: days, type: integer, min: 0 }
      - { id: level, type: choice, derived: true, values: [low, high] }
      - { id: tier, type: choice, derived: true, values: [t1, t2] }
    """
  /// `services.yaml`: one service, s1.
  public static let services = """
    version: 1
    services:
      - { id: s1, kind: service }
    """
  /// `referrals.yaml`: one referral, r1.
  public static let referrals = """
    version: 1
    referrals:
      - { id: r1 }
    """
  /// `offices.yaml`: the national office only.
  public static let offices = """
    version: 1
    national: { office: headquarters, email: askcrs@usdoj.gov, phone: "202-305-2935" }
    regions:
      - id: national
    offices:
      - { id: headquarters, kind: headquarters, region: national }
    states: []
    """

  /// Writes the folder as `<folder>/Rules` and returns its URL.
  public static func write(in folder: TemporaryFolder, rules: String) throws -> URL {
    try folder.write("Rules/facts.yaml", facts)
    try folder.write("Rules/services.yaml", services)
    try folder.write("Rules/referrals.yaml", referrals)
    try folder.write("Rules/offices.yaml", offices)
    try folder.write("Rules/questions.yaml", "version: 1\nquestions: []\n")
    try folder.write("Rules/rules/main.yaml", rules)
    return folder.url.appendingPathComponent("Rules")
  }
}

/// `crs-intake test --filter`: the scenarios whose id or file name contains one of the
/// patterns, ignoring case, so an author reruns the few cases an edit is about.
public struct ScenarioFilter: Sendable, Equatable {
  public var patterns: [String]

  public init(patterns: [String]) {
    self.patterns = patterns.filter { !$0.isEmpty }
  }

  /// True when there is nothing to filter by: every scenario runs.
  public var isEmpty: Bool { patterns.isEmpty }

  public func matches(_ scenario: Scenario) -> Bool {
    guard !isEmpty else { return true }
    let names = [scenario.id, Self.fileName(of: scenario)].map { $0.lowercased() }
    return patterns.contains { pattern in names.contains { $0.contains(pattern.lowercased()) } }
  }

  public func apply(_ scenarios: [Scenario]) -> [Scenario] {
    scenarios.filter(matches)
  }

  /// When nothing matches: the ids nearest the first pattern (at most `count`), and the one
  /// id or file name close enough to suggest ("Did you mean …?"), if any.
  public func nearest(in scenarios: [Scenario], count: Int = 5) -> (ids: [String], suggestion: String?) {
    let pattern = Array(patterns.first?.lowercased() ?? "")
    let ids = scenarios.map(\.id)
    let ranked = ids.enumerated().map { (distance: Self.distance(pattern, within: Array($0.element.lowercased())), $0) }
      .sorted { ($0.distance, $0.1.offset) < ($1.distance, $1.1.offset) }
    let files = Set(scenarios.map { Self.stem(Self.fileName(of: $0)) }).sorted()
    let suggestion = patterns.lazy.compactMap { Suggestion.nearest(to: $0, in: ids + files) }.first
    return (ranked.prefix(count).map(\.1.element), suggestion)
  }

  /// How far `pattern` is from the closest stretch of `text` of its length (a typo in part
  /// of an id still ranks that id first).
  static func distance(_ pattern: [Character], within text: [Character]) -> Int {
    guard text.count > pattern.count else { return Suggestion.editDistance(String(pattern), String(text)) }
    return (0...(text.count - pattern.count)).map { start in
      Suggestion.editDistance(String(pattern), String(text[start..<(start + pattern.count)]))
    }.min() ?? 0
  }

  /// The name of the scenario's file without its folder (`spcp.yaml` for `Rules/scenarios/spcp.yaml`).
  public static func fileName(of scenario: Scenario) -> String {
    guard let file = scenario.location?.file else { return "" }
    return file.split(separator: "/").last.map(String.init) ?? file
  }

  /// A file name without its YAML extension.
  static func stem(_ name: String) -> String {
    for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
    return name
  }
}

/// What a narrative says, as facts: each with the words it came from, for the read-back.
public struct NarrativeExtraction: Sendable, Equatable {
  public struct Finding: Sendable, Equatable {
    public var fact: String
    public var value: FactValue
    /// The words of the narrative it came from, as typed.
    public var words: [String]
  }

  /// One finding per fact, in the order of the facts' definitions.
  public var findings: [Finding]

  public var facts: [String: FactValue] {
    Dictionary(findings.map { ($0.fact, $0.value) }, uniquingKeysWith: { a, _ in a })
  }
}

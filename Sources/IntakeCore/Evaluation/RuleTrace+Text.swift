extension RuleTrace {
  /// The trace line `explain` prints and a failing scenario shows: held, failed with the
  /// condition and the value seen, or undecided with the unknown facts.
  public func text(_ catalog: MessageCatalog, _ language: Language) -> String {
    switch result {
    case .true:
      return catalog.text("explain.held", language, ["rule": rule])
    case .false:
      return catalog.text(
        "explain.failed", language,
        ["rule": rule, "condition": failed?.condition ?? "", "seen": SafeText.visible(failed?.seen ?? "")])
    case .unknown:
      return catalog.text("explain.undecided", language, ["rule": rule, "facts": unknownFacts.joined(separator: ", ")])
    }
  }
}

extension ScenarioRunner.Failure {
  /// What `crs-intake test` shows of one failed expectation, on the console and in the JUnit
  /// report alike: the field with the expected and the actual value, then the rules that
  /// decided it, one trace line each.
  public func lines(_ catalog: MessageCatalog, _ language: Language) -> [String] {
    let difference = catalog.text("test.difference", language, ["field": field, "expected": expected, "actual": actual])
    return [difference] + trace.map { catalog.text("test.trace", language, ["step": $0.text(catalog, language)]) }
  }
}

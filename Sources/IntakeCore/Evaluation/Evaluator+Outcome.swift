extension Evaluator {
  /// The outcome of the last `evaluate`, with reasons in `language`.
  public func outcome(id: String? = nil, catalog: MessageCatalog, language: Language) -> Outcome {
    var decision = Decision()
    decide(into: &decision)
    return Outcome(decision, id: id, book: book, catalog: catalog, language: language)
  }
}

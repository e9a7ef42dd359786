extension NarrativeReader {
  /// The facts a request's narrative states that its own facts do not: what `screen` (and
  /// `diff`) use besides the stated facts, reported as unconfirmed. Stated facts always win.
  ///
  /// - Parameter request: the request whose narrative is read.
  /// - Returns: the extracted facts by id; empty when there is no narrative.
  public func unstatedFacts(of request: IntakeRequest) -> [String: FactValue] {
    guard let narrative = request.narrative, !narrative.isEmpty else { return [:] }
    var extracted: [String: FactValue] = [:]
    for finding in read(narrative).findings where request.facts[finding.fact] == nil {
      extracted[finding.fact] = finding.value
    }
    return extracted
  }
}

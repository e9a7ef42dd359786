/// One interview question (`Rules/questions.yaml`): the fact it sets, and when to ask it.
/// Its texts are `question.<id>.prompt` and `question.<id>.help` in `Locales/`.
public struct Question: Sendable, Equatable {
  public var id: String
  public var fact: String
  /// Ask only when this holds; while it is undecided the question waits.
  public var askIf: Condition?
  /// Ask even when no rule reads the fact (it is needed for the draft request).
  public var always: Bool
  public var location: SourceLocation?

  public init(id: String, fact: String, askIf: Condition? = nil, always: Bool = false, location: SourceLocation? = nil) {
    self.id = id
    self.fact = fact
    self.askIf = askIf
    self.always = always
    self.location = location
  }
}

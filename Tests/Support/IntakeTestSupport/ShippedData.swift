import IntakeCore
import IntakeLoading

/// The shipped Rules/ and Locales/, loaded once for every test that only reads them.
public enum ShippedData {
  /// The shipped data as the program loads it, with its diagnostics.
  public static let loaded: IntakeData = IntakeData.load(rules: PackagePaths.rules, locales: PackagePaths.locales)

  /// The compiled rule book; a test using it fails (not crashes) when the data has errors.
  public static func book() throws -> RuleBook {
    guard let book = loaded.book else {
      throw TestSetupError(
        "shipped data does not compile: \(loaded.diagnostics.prefix(5).map { "\($0.location) \($0.code) \($0.arguments)" })")
    }
    return book
  }

  /// The narrative reader of the shipped lexicon, built once.
  public static let narrativeReader = loaded.narrativeReader()

  /// The facts the shipped narrative reader reads in `text`, by fact id.
  public static func facts(_ text: String) throws -> [String: FactValue] {
    guard let reader = narrativeReader else { throw TestSetupError("the shipped lexicon gives no narrative reader") }
    return reader.read(text).facts
  }

  /// What the interview reads from `text` typed at the question about fact `question`.
  public static func answer(_ question: String, _ text: String) throws -> AnswerReader.Reading {
    guard let fact = try book().ruleSet.fact(question) else { throw TestSetupError("no fact '\(question)' in the shipped rules") }
    let reader = AnswerReader(matcher: AnswerMatcher(fact: fact, catalog: loaded.catalog), narrative: narrativeReader)
    return reader.read(text)
  }

  /// The value read from `text` at the question about `question`; nil when it is no value
  /// (unknown, asked back, refused).
  public static func answerValue(_ question: String, _ text: String) throws -> FactValue? {
    guard case .value(let value, _) = try answer(question, text) else { return nil }
    return value
  }
}

/// A test precondition that did not hold, with what was seen.
public struct TestSetupError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

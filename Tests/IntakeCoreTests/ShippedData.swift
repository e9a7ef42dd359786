import IntakeCore
import IntakeLoading

/// The shipped Rules/ and Locales/, loaded once for every test that only reads them.
enum ShippedData {
  static let loaded: IntakeData = IntakeData.load(rules: PackagePaths.rules, locales: PackagePaths.locales)

  /// The compiled rule book; a test using it fails (not crashes) when the data has errors.
  static func book() throws -> RuleBook {
    guard let book = loaded.book else {
      throw TestSetupError(
        "shipped data does not compile: \(loaded.diagnostics.prefix(5).map { "\($0.location) \($0.code) \($0.arguments)" })")
    }
    return book
  }
}

/// A test precondition that did not hold, with what was seen.
struct TestSetupError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// One problem found in `Rules/` or `Locales/`, as data: its wording lives in `Locales/`
/// under `diagnostic.<code>`, filled with `arguments`.
public struct Diagnostic: Sendable, Hashable {
  public enum Severity: String, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .warning && rhs == .error
    }
  }

  public var severity: Severity
  public var location: SourceLocation
  /// The kind of problem, e.g. `.unknownFact` (written `unknown-fact`).
  public var code: DiagnosticCode
  /// The values the message names (`fact`, `value`, `expected`, ...).
  public var arguments: [String: String]

  public init(
    _ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation,
    _ arguments: [String: String] = [:]
  ) {
    self.severity = severity
    self.location = location
    self.code = code
    self.arguments = arguments
  }
}

extension Diagnostic {
  /// The arguments as one string in key order: the last tie-break of a stable report order.
  var sortedArguments: String {
    arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}")
  }
}

extension Array where Element == Diagnostic {
  /// Whether any of these is an error (not only warnings).
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// The files these report as unread or unparsable (`DiagnosticCode.leavesFileUnread`), each
  /// once, sorted.
  public var unreadFiles: [String] {
    Set(filter { $0.code.leavesFileUnread }.map(\.location.file)).sorted()
  }

  /// Sorted by file, line and column, so reports read top to bottom.
  public func sortedByLocation() -> [Diagnostic] {
    sorted {
      ($0.location.file, $0.location.line, $0.location.column, $0.code.rawValue, $0.sortedArguments)
        < ($1.location.file, $1.location.line, $1.location.column, $1.code.rawValue, $1.sortedArguments)
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Bold headings and one calm accent colour, on a terminal only: nothing when `NO_COLOR` is
/// set, `TERM` is `dumb`, or the output is not a terminal (a pipe, a file).
public struct TerminalStyle: Sendable, Equatable {
  public var enabled: Bool

  public init(enabled: Bool) {
    self.enabled = enabled
  }

  public static let plain = TerminalStyle(enabled: false)

  /// What standard output can show.
  public static var forStandardOutput: TerminalStyle {
    let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
    let dumb = getenv("TERM").map { String(cString: $0) == "dumb" } ?? false
    return TerminalStyle(enabled: isatty(1) != 0 && !noColor && !dumb)
  }

  public func bold(_ text: String) -> String { wrap(text, "1") }
  /// The accent: cyan, for progress lines and hints.
  public func accent(_ text: String) -> String { wrap(text, "36") }
  /// For the emergency line: bold red.
  public func alarm(_ text: String) -> String { wrap(text, "1;31") }

  /// Each line styled on its own, so a wrapped paragraph keeps its style on every line.
  private func wrap(_ text: String, _ code: String) -> String {
    guard enabled, !text.isEmpty else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : "\u{1B}[\(code)m\($0)\u{1B}[0m" }.joined(separator: "\n")
  }
}

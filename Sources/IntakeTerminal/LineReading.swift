/// What one read from the user gives.
public enum LineInput: Sendable, Equatable {
  /// A line of valid UTF-8 text, without its line ending.
  case line(String)
  /// Ctrl-C on an empty line (Ctrl-C on a non-empty line only clears it).
  case interrupted
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfInput
  /// A line that was read but cannot be used; it is never echoed back raw.
  case rejected(LineProblem)
}

/// Why a typed line was refused.
public enum LineProblem: Sendable, Equatable {
  case invalidUTF8
  case controlCharacters
  case tooLong(maximum: Int)
}

/// Reads lines from the user. Three readers: `ReadlineLineReader` on a terminal,
/// `PlainLineReader` when standard input is a pipe or file, `ScriptedLineReader` in tests.
///
/// Contract, as a test would state it:
/// ```
/// var reader = ScriptedLineReader(["1", "\u{3}"])
/// reader.readLine(prompt: "> ", completions: []) == .line("1")
/// reader.readLine(prompt: "> ", completions: []) == .interrupted
/// reader.readLine(prompt: "> ", completions: []) == .endOfInput
/// ```
public protocol LineReading {
  /// Shows `prompt` (where the reader shows prompts) and reads one line.
  /// - Parameters:
  ///   - prompt: the text before the cursor.
  ///   - completions: the words Tab may complete at this prompt.
  mutating func readLine(prompt: String, completions: [String]) -> LineInput

  /// Keeps `line` in the history (only commands are passed here, never answers).
  mutating func remember(_ line: String)
}

extension LineReading {
  public mutating func remember(_ line: String) {}
}

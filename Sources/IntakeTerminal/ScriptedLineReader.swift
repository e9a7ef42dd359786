/// Reads lines from a list, for tests: "\u{3}" stands for Ctrl-C on an empty line and
/// "\u{4}" for Ctrl-D; the end of the list is the end of input. Records every prompt.
public struct ScriptedLineReader: LineReading {
  private var lines: [String]
  public private(set) var prompts: [String] = []
  public private(set) var remembered: [String] = []

  public init(_ lines: [String]) {
    self.lines = lines
  }

  public mutating func readLine(prompt: String, completions: [String]) -> LineInput {
    prompts.append(prompt)
    guard !lines.isEmpty else { return .endOfInput }
    let line = lines.removeFirst()
    switch line {
    case "\u{3}": return .interrupted
    case "\u{4}": return .endOfInput
    default: return LineSanitizer.check(Array(line.utf8))
    }
  }

  public mutating func remember(_ line: String) {
    remembered.append(line)
  }
}

import IntakeCore
import IntakeTerminal

/// What the conversation says, as the terminal shows it: every paragraph wrapped at word
/// boundaries to the width (display columns), choices indented with their continuation lines
/// under the words, headings bold and progress and hints in the accent colour on a terminal.
/// The interview, script mode and the transcript tests all render through this one type.
public struct EventRenderer: Sendable {
  public let wrapper: TextWrapper
  public let style: TerminalStyle

  public init(width: Int, style: TerminalStyle = .plain) {
    wrapper = TextWrapper(width: width)
    self.style = style
  }

  /// The terminal's width and style.
  public static var forTerminal: EventRenderer {
    EventRenderer(width: TerminalSize.columns, style: .forStandardOutput)
  }

  /// The text for one event, ending with a line break; empty for events that show nothing.
  public func render(_ event: InterviewEvent) -> String {
    switch event {
    case .text(let text):
      return wrapper.wrap(text) + "\n"
    case .emergency(let text):
      return "\n" + style.alarm(wrapper.wrap(text)) + "\n"
    case .question(let progress, let prompt, let choices, let hint):
      var lines = [""]
      if !progress.isEmpty { lines.append(style.accent(wrapper.wrap(progress))) }
      lines.append(style.bold(wrapper.wrap(prompt)))
      lines += choices.map { wrapper.wrap("  " + $0) }
      if !hint.isEmpty { lines.append(style.accent(wrapper.wrap(hint))) }
      return lines.joined(separator: "\n") + "\n"
    case .problem(let text):
      return wrapper.wrap(text) + "\n"
    case .outcome(let text):
      return "\n" + outcome(text) + "\n"
    case .saveDraft, .finished:
      return ""
    }
  }

  /// The end screen: wrapped, its title and section headings bold.
  public func outcome(_ text: String) -> String {
    wrapper.wrap(text).split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      line.hasPrefix("═") || (line.hasSuffix(":") && !line.hasPrefix(" ")) ? style.bold(String(line)) : String(line)
    }.joined(separator: "\n")
  }
}

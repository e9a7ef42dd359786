import CReadline

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines with GNU readline on a terminal: line editing by whole UTF-8 characters, Tab
/// completion of the current choices and commands, and a history file of commands only.
///
/// Readline's callback interface lets the reader wait on the keyboard and on Ctrl-C at once:
/// Ctrl-C clears a non-empty line and keeps reading; on an empty line it ends the read as
/// `.interrupted`. Ctrl-D on an empty line is `.endOfInput`.
public final class ReadlineLineReader: LineReading {
  private let historyFile: String?

  /// - Parameters:
  ///   - historyFile: where commands are kept between sessions (0600), or nil.
  ///   - fold: the folding answers are matched with (lowercase, no diacritics), so that Tab
  ///     completes "khong" to "Không"; the terminal layer does not depend on the core.
  public init(historyFile: String?, fold: @escaping @Sendable (String) -> String = { $0.lowercased() }) {
    self.historyFile = historyFile
    Self.completionFold = fold
    TerminalOutput.ensureUTF8Locale()
    InterruptSignal.install()
    crs_rl_configure { text, _, _ in
      crs_rl_completion_begin()
      guard let text else { return nil }
      return rl_completion_matches(text) { text, state in
        guard let text else { return nil }
        return ReadlineLineReader.nextCompletion(text, state)
      }
    }
    using_history()
    if let historyFile { _ = read_history(historyFile) }
  }

  // Callback state: readline calls C functions, which cannot capture context.
  nonisolated(unsafe) private static var finishedLine: LineInput?
  nonisolated(unsafe) private static var completionWords: [String] = []
  nonisolated(unsafe) private static var completionMatches: [String] = []
  nonisolated(unsafe) private static var completionFold: @Sendable (String) -> String = { $0.lowercased() }

  public func readLine(prompt: String, completions: [String]) -> LineInput {
    Self.completionWords = completions
    Self.finishedLine = nil
    _ = InterruptSignal.take()
    fflush(nil)
    rl_callback_handler_install(prompt) { line in
      // Removing the handler here stops readline from showing the prompt again at once.
      rl_callback_handler_remove()
      guard let line else {
        ReadlineLineReader.finishedLine = .endOfInput
        return
      }
      let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self), count: strlen(line)))
      free(line)
      ReadlineLineReader.finishedLine = LineSanitizer.check(bytes)
    }
    while Self.finishedLine == nil {
      var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: InterruptSignal.pipeRead, events: Int16(POLLIN), revents: 0)]
      let ready = poll(&fds, nfds_t(fds.count), -1)
      if ready < 0 && errno != EINTR {
        rl_callback_handler_remove()
        return .endOfInput
      }
      if InterruptSignal.take() {
        if crs_rl_line_length() == 0 {
          rl_callback_handler_remove()
          TerminalOutput.write("^C\n")
          return .interrupted
        }
        // Ctrl-C on a non-empty line: clear it and keep reading.
        crs_rl_clear_line()
        TerminalOutput.write("^C\n")
        rl_on_new_line()
        rl_redisplay()
        continue
      }
      if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
        rl_callback_read_char()
      }
    }
    return Self.finishedLine ?? .endOfInput
  }

  public func remember(_ line: String) {
    add_history(line)
    guard let historyFile else { return }
    let mask = umask(0o077)
    _ = write_history(historyFile)
    _ = history_truncate_file(historyFile, 500)
    umask(mask)
    chmod(historyFile, 0o600)
  }

  /// Readline's completion generator: state 0 starts a new search.
  private static func nextCompletion(_ text: UnsafePointer<CChar>, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 {
      let typed = fold(String(cString: text))
      completionMatches = completionWords.filter { fold($0).hasPrefix(typed) }
    }
    guard !completionMatches.isEmpty else { return nil }
    return strdup(completionMatches.removeFirst())
  }

  /// Case and diacritics folded, so "khong" completes "Không".
  private static func fold(_ text: String) -> String {
    completionFold(text)
  }
}

import CPseudoTerminal
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The built `crs-intake` running on a real pseudo-terminal: the test types keys and reads
/// the screen as a person would (readline is active, Ctrl-C sends SIGINT).
public final class PseudoTerminal {
  /// The program's process id.
  public let pid: pid_t
  /// The test's end of the pseudo-terminal.
  public let primary: Int32
  /// Everything the program wrote so far, escape sequences included.
  public private(set) var output: [UInt8] = []
  /// How much of the (plain) screen text earlier waits have consumed.
  private var consumed = 0
  /// The exit code, once `waitForExit` has seen the program end.
  public private(set) var exitStatus: Int32?
  /// Whether the program edits lines with readline (not with `TERM=dumb`, as `isInteractive`).
  private let usesReadline: Bool

  /// Keys a test presses.
  public enum Key: String {
    case enter = "\r"
    case tab = "\t"
    case backspace = "\u{7f}"
    case controlC = "\u{3}"
    case controlD = "\u{4}"
    case controlU = "\u{15}"
  }

  /// What was awaited and not seen in time, with the screen so far.
  public struct Timeout: Error, CustomStringConvertible {
    public var waitingFor: String
    public var screen: String
    public var description: String { "timed out waiting for '\(waitingFor)'; screen so far:\n\(screen)" }
  }

  /// Starts `crs-intake arguments` with the shipped data, a fresh state folder, and `environment`.
  public init(_ arguments: [String], environment extra: [String: String] = [:], home: URL, columns: Int32 = 100) throws {
    guard let binary = CLI.binary else { throw TestSetupError("crs-intake binary not found") }
    var environment = [
      "PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", "HOME": home.path,
      "XDG_STATE_HOME": home.appendingPathComponent("state").path, "XDG_CACHE_HOME": SharedTestCache.path,
      "CRS_INTAKE_RULES": PackagePaths.rules.path, "CRS_INTAKE_LOCALES": PackagePaths.locales.path,
    ]
    environment.merge(extra) { _, new in new }
    usesReadline = environment["TERM"] != "dumb"
    let argv = [binary.path] + arguments
    let envp = environment.map { "\($0.key)=\($0.value)" }
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    var cEnv: [UnsafeMutablePointer<CChar>?] = envp.map { strdup($0) } + [nil]
    defer {
      for pointer in cArgs { free(pointer) }
      for pointer in cEnv { free(pointer) }
    }
    var fd: Int32 = -1
    let child = crs_spawn_on_pty(binary.path, &cArgs, &cEnv, columns, 40, &fd)
    guard child > 0 else { throw TestSetupError("could not start crs-intake on a pseudo-terminal") }
    pid = child
    primary = fd
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(primary)
  }

  /// Types text (no Enter), once the program reads keys one by one.
  public func type(_ text: String) {
    waitForKeyByKeyInput()
    var bytes = Array(text.utf8)
    _ = write(primary, &bytes, bytes.count)
    usleep(30_000)
  }

  /// Waits (a bounded time) until readline has put the terminal in key-by-key mode. Keys
  /// written before that reach the line discipline: Ctrl-D there becomes an empty line end
  /// that readline later reads as a NUL, not as end of input, and the interview waits forever.
  private func waitForKeyByKeyInput(timeout: TimeInterval = 20) {
    guard usesReadline, exitStatus == nil else { return }
    let deadline = Date().addingTimeInterval(timeout)
    var settings = termios()
    while tcgetattr(primary, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0, Date() < deadline {
      pump(milliseconds: 10)
    }
  }

  /// Presses one key.
  public func press(_ key: Key) {
    type(key.rawValue)
  }

  /// Types a line and Enter.
  public func line(_ text: String) {
    type(text)
    press(.enter)
  }

  /// The screen so far as plain text: escape sequences and carriage returns removed.
  public var screen: String {
    Self.plain(String(decoding: output, as: UTF8.self))
  }

  /// Waits until `text` appears after what earlier waits consumed; returns the new text.
  /// The limit is generous: CI runs every suite at once on two cores, and a debug build's start
  /// can then take many times its usual half second. Only a failing test waits it out.
  @discardableResult
  public func waitFor(_ text: String, timeout: TimeInterval = 60) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let plain = screen
      let start = plain.index(plain.startIndex, offsetBy: min(consumed, plain.count))
      if let range = Self.find(text, in: plain[start...]) {
        let seen = String(plain[start..<range.upperBound])
        consumed = plain.distance(from: plain.startIndex, to: range.upperBound)
        return seen
      }
      if Date() > deadline { throw Timeout(waitingFor: text, screen: plain) }
      pump(milliseconds: 50)
    }
  }

  /// Where `text` first appears, a space in it also matching a line break and the next line's
  /// indent: the program wraps its paragraphs to the terminal width.
  public static func find(_ text: String, in screen: Substring) -> Range<String.Index>? {
    if let exact = screen.range(of: text) { return exact }
    let words = text.split(separator: " ", omittingEmptySubsequences: true)
    guard words.count > 1 else { return nil }
    let pattern = words.map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: "(?: +| *\\n *)")
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
    let whole = String(screen)
    guard let match = expression.firstMatch(in: whole, range: NSRange(whole.startIndex..., in: whole)),
      let found = Range(match.range, in: whole)
    else { return nil }
    let lower = screen.index(screen.startIndex, offsetBy: whole.distance(from: whole.startIndex, to: found.lowerBound))
    let upper = screen.index(lower, offsetBy: whole.distance(from: found.lowerBound, to: found.upperBound))
    return lower..<upper
  }

  /// Waits until one of `texts` appears; returns which one and the new text up to it.
  public func waitForAny(_ texts: [String], timeout: TimeInterval = 60) throws -> (match: String, text: String) {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let plain = screen
      let start = plain.index(plain.startIndex, offsetBy: min(consumed, plain.count))
      let found = texts.compactMap { text in Self.find(text, in: plain[start...]).map { (text, $0) } }
        .min { $0.1.lowerBound < $1.1.lowerBound }
      if let (text, range) = found {
        consumed = plain.distance(from: plain.startIndex, to: range.upperBound)
        return (text, String(plain[start..<range.upperBound]))
      }
      if Date() > deadline { throw Timeout(waitingFor: texts.joined(separator: " or "), screen: plain) }
      pump(milliseconds: 50)
    }
  }

  /// Answers each question by the first entry whose key its text contains, until `end`
  /// appears. Fails on a question no entry answers.
  public func answerQuestions(_ answers: KeyValuePairs<String, String>, until end: String, stopAt: String? = nil) throws {
    while true {
      let (match, text) = try waitForAny(["> ", end])
      if match == end { return }
      if let stopAt, text.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(stopAt) { return }
      // Questions wrap to the terminal's width: a key matches across line breaks.
      let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      guard let answer = answers.first(where: { flat.contains($0.key) })?.value else {
        throw TestSetupError("no scripted answer for this question:\n\(text)")
      }
      line(answer)
    }
  }

  /// Starts an interview and passes the opening invitation, so the first question is next.
  public static func atFirstQuestion(_ arguments: [String], environment: [String: String] = [:], home: URL) throws -> PseudoTerminal {
    let terminal = try PseudoTerminal(arguments, environment: environment, home: home)
    try terminal.skipNarrative()
    return terminal
  }

  /// Passes the opening invitation to describe the situation (presses Enter).
  public func skipNarrative() throws {
    _ = try waitForAny(["in your own words", "theo lời của mình"])
    try waitFor("> ")
    press(.enter)
  }

  /// Waits for the program to exit and returns its exit code (128 + signal when killed).
  public func waitForExit(timeout: TimeInterval = 60) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      pump(milliseconds: 20)
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        pump(milliseconds: 50)
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        exitStatus = code
        return code
      }
    }
    throw Timeout(waitingFor: "exit", screen: screen)
  }

  /// Reads whatever the program wrote within `milliseconds`.
  private func pump(milliseconds: Int32) {
    var fds = [pollfd(fd: primary, events: Int16(POLLIN), revents: 0)]
    guard poll(&fds, 1, milliseconds) > 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 8192)
    let count = read(primary, &buffer, buffer.count)
    if count > 0 { output += buffer[0..<count] }
  }

  /// Removes terminal escape sequences (CSI, OSC, single-character escapes) and `\r`.
  public static func plain(_ text: String) -> String {
    var result = ""
    var iterator = text.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      switch scalar {
      case "\u{1b}":
        guard let next = iterator.next() else { break }
        if next == "[" {
          while let c = iterator.next(), !(0x40...0x7E).contains(c.value) {}
        } else if next == "]" {
          while let c = iterator.next(), c != "\u{7}", c != "\u{1b}" {}
        }
      case "\r", "\u{7}":
        continue
      default:
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

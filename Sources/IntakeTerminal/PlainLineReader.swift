#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from a pipe or file (standard input that is not a terminal): no echo, no
/// escape codes, the prompt written as plain text. SIGINT ends reading as `.interrupted`.
public struct PlainLineReader: LineReading {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var finished = false
  private let showPrompt: Bool

  /// - Parameters:
  ///   - descriptor: where to read (standard input by default).
  ///   - showPrompt: whether to write the prompt to standard output.
  public init(descriptor: Int32 = 0, showPrompt: Bool = true) {
    self.descriptor = descriptor
    self.showPrompt = showPrompt
    InterruptSignal.install()
  }

  public mutating func readLine(prompt: String, completions: [String]) -> LineInput {
    if showPrompt, !prompt.isEmpty { TerminalOutput.write(prompt) }
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        let line = Array(buffer[start..<newline])
        start = newline + 1
        compact()
        if showPrompt { TerminalOutput.write("\n") }
        return LineSanitizer.check(line)
      }
      if finished {
        guard start < buffer.count else { return .endOfInput }
        let line = Array(buffer[start...])
        start = buffer.count
        if showPrompt { TerminalOutput.write("\n") }
        return LineSanitizer.check(line)
      }
      if buffer.count - start > LineSanitizer.maximumLength * 4 {
        // Skip the rest of an over-long line without holding it.
        skipLine()
        return .rejected(.tooLong(maximum: LineSanitizer.maximumLength))
      }
      if InterruptSignal.take() { return .interrupted }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR {
          if InterruptSignal.take() { return .interrupted }
          continue
        }
        finished = true
      } else if count == 0 {
        finished = true
      } else {
        buffer.append(contentsOf: chunk[0..<count])
      }
    }
  }

  private mutating func compact() {
    if start > 65_536 {
      buffer.removeFirst(start)
      start = 0
    }
  }

  private mutating func skipLine() {
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        start = newline + 1
        compact()
        return
      }
      buffer.removeAll(keepingCapacity: true)
      start = 0
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count <= 0 {
        finished = true
        return
      }
      buffer.append(contentsOf: chunk[0..<count])
    }
  }
}

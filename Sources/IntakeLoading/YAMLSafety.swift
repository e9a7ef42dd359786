internal import CYaml
import IntakeCore

/// What a rule or locale file may not hold, found before it is composed into nodes: anchors
/// and aliases (never needed, and an alias bomb of a kilobyte expands to gigabytes), nesting
/// deeper than `maximumDepth`, and characters that drive a terminal (C0 and C1 controls, ESC,
/// bidirectional overrides and isolates), raw or written as escapes.
///
/// The scan reads libyaml's event stream, which is linear in the file and keeps no tree.
enum YAMLSafety {
  /// The deepest nesting of mappings and sequences accepted (the shipped data needs about 10).
  static let maximumDepth = 64
  /// The most problems of one kind reported per file (the first show where to look).
  static let maximumReports = 10

  struct Result {
    var diagnostics: [Diagnostic] = []
    /// The text to compose: unsafe characters replaced so that parsing goes on past them.
    var text: String
    /// False when composing the file would be unsafe (aliases, too deep) or pointless.
    var composable = true
  }

  /// Whether a character may reach a terminal from the data: tab, line feed and carriage
  /// return are the only controls allowed.
  static func isUnsafe(_ value: UInt32) -> Bool {
    switch value {
    case 0x09, 0x0A, 0x0D: return false
    case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  static func name(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  static func scan(_ text: String, path: String) -> Result {
    var result = Result(text: text)
    // Raw characters, at their own line and column.
    var reportedLines = Set<Int>()
    var line = 1
    var column = 1
    var unsafeCount = 0
    var cleaned = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isUnsafe(scalar.value) {
        unsafeCount += 1
        if unsafeCount <= maximumReports {
          result.diagnostics.append(
            Diagnostic(
              .error, .unsafeCharacter, at: SourceLocation(file: path, line: line, column: column),
              ["character": name(scalar.value)]))
        }
        reportedLines.insert(line)
        cleaned.append("\u{FFFD}")
      } else {
        cleaned.append(scalar)
      }
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    if unsafeCount > 0 { result.text = String(cleaned) }
    events(&result, path: path, reportedLines: reportedLines)
    return result
  }

  /// Anchors, aliases, depth, and escaped unsafe characters in scalars, from the event stream.
  private static func events(_ result: inout Result, path: String, reportedLines: Set<Int>) {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return }
    defer { yaml_parser_delete(&parser) }
    let bytes = Array(result.text.utf8)
    var depth = 0
    var aliasReports = 0
    var escapedReports = 0
    bytes.withUnsafeBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      while true {
        var event = yaml_event_t()
        // A syntax error is the composer's to report, with its position.
        guard yaml_parser_parse(&parser, &event) == 1 else { return }
        defer { yaml_event_delete(&event) }
        let mark = event.start_mark
        let location = SourceLocation(file: path, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        var anchor: UnsafeMutablePointer<yaml_char_t>?
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return
        case YAML_ALIAS_EVENT:
          aliasReports += 1
          result.composable = false
          if aliasReports <= maximumReports {
            result.diagnostics.append(
              Diagnostic(.error, .yamlAlias, at: location, ["token": "*" + string(event.data.alias.anchor)]))
          }
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
          anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
          depth += 1
          if depth > maximumDepth {
            result.diagnostics.append(Diagnostic(.error, .yamlTooDeep, at: location, ["limit": String(maximumDepth)]))
            result.composable = false
            return
          }
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          depth -= 1
        case YAML_SCALAR_EVENT:
          anchor = event.data.scalar.anchor
          let scalar = event.data.scalar
          let value = String(
            decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
          if let bad = value.unicodeScalars.first(where: { isUnsafe($0.value) }),
            !(Int(mark.line) + 1...Int(event.end_mark.line) + 1).contains(where: reportedLines.contains)
          {
            escapedReports += 1
            if escapedReports <= maximumReports {
              result.diagnostics.append(Diagnostic(.error, .unsafeCharacter, at: location, ["character": name(bad.value)]))
            }
          }
        default:
          break
        }
        if let anchor {
          aliasReports += 1
          if aliasReports <= maximumReports {
            result.diagnostics.append(Diagnostic(.error, .yamlAlias, at: location, ["token": "&" + string(anchor)]))
          }
        }
      }
    }
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
    guard let pointer else { return "" }
    return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
  }
}

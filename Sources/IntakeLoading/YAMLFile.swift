import Foundation
import IntakeCore
import Yams

/// One YAML file read for loading: its display path, its root node, and the problems found
/// while reading it (unreadable, invalid UTF-8, syntax errors, newer version than supported).
struct YAMLFile {
  /// The newest `version:` this program reads.
  static let supportedVersion = 1

  let path: String
  let root: Node?

  /// Reads and parses `url`, reporting problems under `displayPath`.
  static func read(
    _ url: URL, displayPath: String, into diagnostics: inout [Diagnostic], digest: ContentDigest? = nil
  ) -> YAMLFile {
    parse(FileBytes.contents(of: url.path), displayPath: displayPath, into: &diagnostics, digest: digest)
  }

  /// Parses a file's bytes (nil when it could not be read), reporting problems under
  /// `displayPath`: the one path for files on disk and files compiled into the binary.
  /// `digestPath` names the file in `digest` (the rules version), so the version does not depend
  /// on how the folder was given.
  static func parse(
    _ contents: Data?, displayPath: String, into diagnostics: inout [Diagnostic], digest: ContentDigest? = nil,
    digestPath: String? = nil
  ) -> YAMLFile {
    let start = SourceLocation(file: displayPath, line: 1, column: 1)
    digest?.add(path: digestPath ?? displayPath, contents: contents)
    guard let data = contents else {
      diagnostics.append(Diagnostic(.error, .fileUnreadable, at: start, ["path": displayPath]))
      return YAMLFile(path: displayPath, root: nil)
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      diagnostics.append(Diagnostic(.error, .fileNotUTF8, at: invalidUTF8Location(data, displayPath)))
      return YAMLFile(path: displayPath, root: nil)
    }
    // Anchors, aliases, deep nesting and terminal control characters are refused before
    // anything is built from the text.
    let safety = YAMLSafety.scan(text, path: displayPath)
    diagnostics += safety.diagnostics
    guard safety.composable else { return YAMLFile(path: displayPath, root: nil) }
    do {
      let root = try Yams.compose(yaml: safety.text, .basic)
      return YAMLFile(path: displayPath, root: root)
    } catch let error as YamlError {
      diagnostics.append(syntaxDiagnostic(error, displayPath))
    } catch {
      diagnostics.append(Diagnostic(.error, .yamlSyntax, at: start, ["problem": "\(error)"]))
    }
    return YAMLFile(path: displayPath, root: nil)
  }

  /// The line and column of the first byte that is not valid UTF-8.
  private static func invalidUTF8Location(_ data: Data, _ path: String) -> SourceLocation {
    let bytes = [UInt8](data)
    var line = 1
    var lineStart = 0
    var index = 0
    while index < bytes.count {
      var iterator = bytes[index...].makeIterator()
      var decoder = UTF8()
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        if scalar == "\n" {
          line += 1
          lineStart = index + 1
        }
        index += UTF8.width(scalar)
      case .error, .emptyInput:
        let column = (String(validating: bytes[lineStart..<index], as: UTF8.self)?.unicodeScalars.count ?? 0) + 1
        return SourceLocation(file: path, line: line, column: column)
      }
    }
    return SourceLocation(file: path, line: line, column: 1)
  }

  private static func syntaxDiagnostic(_ error: YamlError, _ path: String) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
      return Diagnostic(
        .error, .yamlSyntax, at: SourceLocation(file: path, line: mark.line, column: mark.column), ["problem": text])
    case .duplicatedKeysInMapping(let duplicates, let context):
      return Diagnostic(
        .error, .duplicateKey, at: SourceLocation(file: path, line: context.mark.line, column: context.mark.column),
        ["key": duplicates.joined(separator: "', '"), "context": "mapping"])
    case .reader(let problem, _, _, _):
      return Diagnostic(.error, .yamlSyntax, at: SourceLocation(file: path, line: 1, column: 1), ["problem": problem])
    default:
      return Diagnostic(.error, .yamlSyntax, at: SourceLocation(file: path, line: 1, column: 1), ["problem": "\(error)"])
    }
  }
}

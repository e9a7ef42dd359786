import IntakeCore
import Yams

/// Reads values out of YAML nodes of one file, recording a diagnostic with file:line:column
/// for every node of the wrong shape instead of stopping.
struct NodeReader {
  let file: String
  var diagnostics: [Diagnostic] = []

  init(file: String) {
    self.file = file
  }

  /// The context of a file's top level: read with `mapping(_:context:)`, a top level of the
  /// wrong shape leaves the whole file unread (`fileShape`).
  static let wholeFile = "file"

  /// YAML 1.1 reads these plain scalars as booleans; a value meant as text must be quoted.
  static let booleanWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false"]

  func location(_ node: Node?) -> SourceLocation {
    let mark = node?.mark
    return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  mutating func error(_ code: DiagnosticCode, _ node: Node?, _ arguments: [String: String] = [:]) {
    diagnostics.append(Diagnostic(.error, code, at: location(node), arguments))
  }

  mutating func warning(_ code: DiagnosticCode, _ node: Node?, _ arguments: [String: String] = [:]) {
    diagnostics.append(Diagnostic(.warning, code, at: location(node), arguments))
  }

  /// The pairs of a mapping, by key, reporting duplicate keys, keys not in `allowed`, and
  /// `required` keys that are absent.
  mutating func mapping(
    _ node: Node?, context: String, allowed: Set<String>? = nil, required: [String] = []
  ) -> [String: Node]? {
    guard let node else { return nil }
    // The file itself of the wrong shape is one root cause: what depends on it is skipped.
    let wholeFile = context == Self.wholeFile
    guard case .mapping(let mapping) = node else {
      if wholeFile {
        error(.fileShape, node, ["expected": required.joined(separator: ", ")])
      } else {
        error(.expectedMapping, node, ["context": context])
      }
      return nil
    }
    var result: [String: Node] = [:]
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalar?.string else {
        error(.expectedScalarKey, keyNode, ["context": context])
        continue
      }
      if result[key] != nil {
        error(.duplicateKey, keyNode, ["key": key, "context": context])
        continue
      }
      if let allowed, !allowed.contains(key) {
        error(
          .unknownKey, keyNode,
          [
            "key": key, "context": context, "expected": allowed.sorted().joined(separator: ", "),
            "suggestion": Suggestion.nearest(to: key, in: Array(allowed)) ?? "",
          ])
        continue
      }
      result[key] = value
    }
    let missing = required.filter { result[$0] == nil }
    if wholeFile, !missing.isEmpty {
      error(.fileShape, node, ["expected": required.joined(separator: ", ")])
      return nil
    }
    for key in missing { error(.missingKey, node, ["key": key, "context": context]) }
    return result
  }

  /// The pairs of a mapping in the order written (keys that are not scalars are reported).
  mutating func orderedPairs(_ node: Node?, context: String) -> [(String, Node, Node)] {
    guard let node else { return [] }
    guard case .mapping(let mapping) = node else {
      error(.expectedMapping, node, ["context": context])
      return []
    }
    var seen = Set<String>()
    var pairs: [(String, Node, Node)] = []
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalar?.string else {
        error(.expectedScalarKey, keyNode, ["context": context])
        continue
      }
      if !seen.insert(key).inserted {
        error(.duplicateKey, keyNode, ["key": key, "context": context])
        continue
      }
      pairs.append((key, keyNode, value))
    }
    return pairs
  }

  mutating func sequence(_ node: Node?, context: String) -> [Node]? {
    guard let node else { return nil }
    guard case .sequence(let sequence) = node else {
      error(.expectedList, node, ["context": context])
      return nil
    }
    return Array(sequence)
  }

  /// A text value. An unquoted yes/no/on/off is reported: YAML 1.1 tools read it as a boolean.
  mutating func string(_ node: Node?, context: String) -> String? {
    guard let node else { return nil }
    guard case .scalar(let scalar) = node else {
      error(.expectedText, node, ["context": context])
      return nil
    }
    if scalar.style == .plain, Self.booleanWords.contains(scalar.string.lowercased()) {
      error(.booleanTrap, node, ["value": scalar.string, "context": context])
    }
    if scalar.style == .plain, scalar.string == "~" || scalar.string.lowercased() == "null" || scalar.string.isEmpty {
      error(.expectedText, node, ["context": context])
      return nil
    }
    return scalar.string
  }

  /// A text value or a list of them.
  mutating func strings(_ node: Node?, context: String) -> [String]? {
    guard let node else { return nil }
    if case .sequence(let items) = node {
      return items.compactMap { string($0, context: context) }
    }
    return string(node, context: context).map { [$0] }
  }

  mutating func int(_ node: Node?, context: String) -> Int? {
    guard let node else { return nil }
    guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else {
      error(.expectedInteger, node, ["context": context])
      return nil
    }
    return value
  }

  mutating func bool(_ node: Node?, context: String) -> Bool? {
    guard let node else { return nil }
    guard case .scalar(let scalar) = node, scalar.style == .plain else {
      error(.expectedBool, node, ["context": context])
      return nil
    }
    switch scalar.string.lowercased() {
    case "true": return true
    case "false": return false
    default:
      error(.expectedBool, node, ["context": context])
      return nil
    }
  }

  /// Whether the node is an explicit null (`null`, `~` or empty).
  func isNull(_ node: Node?) -> Bool {
    guard case .scalar(let scalar)? = node, scalar.style == .plain else { return false }
    return ["", "~", "null"].contains(scalar.string.lowercased())
  }

  /// Checks `version:` against what this program reads.
  mutating func checkVersion(_ root: [String: Node], rootNode: Node) {
    guard let versionNode = root["version"] else {
      error(.missingKey, rootNode, ["key": "version", "context": "file"])
      return
    }
    guard let version = int(versionNode, context: "version") else { return }
    if version > YAMLFile.supportedVersion {
      error(.versionUnsupported, versionNode, ["version": String(version), "supported": String(YAMLFile.supportedVersion)])
    } else if version < 1 {
      error(.versionUnsupported, versionNode, ["version": String(version), "supported": String(YAMLFile.supportedVersion)])
    }
  }

  /// A fact value as written in scenarios and the lexicon: true/false, a whole number, a
  /// list, or text. The rule book checks it against the fact's kind.
  mutating func factValue(_ node: Node, context: String) -> FactValue? {
    switch node {
    case .scalar(let scalar):
      if scalar.style == .plain {
        if scalar.string == "true" { return .bool(true) }
        if scalar.string == "false" { return .bool(false) }
        if let number = Int(scalar.string) { return .integer(number) }
      }
      return string(node, context: context).map { .choice($0) }
    case .sequence:
      return .set(strings(node, context: context) ?? [])
    default:
      error(.expectedText, node, ["context": context])
      return nil
    }
  }
}

import Foundation
import IntakeCore

/// Decodes one intake request (schema `crs-intake/1`) from JSON, reporting every problem
/// with it as data.
public struct RequestDecoder: Sendable {
  public init() {}

  /// A problem with one record of a batch, worded from `Locales/` under `request.<code>`.
  public typealias Problem = RequestProblem

  public func decode(_ bytes: [UInt8]) -> Result<IntakeRequest, RequestProblems> {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    } catch {
      return .failure(RequestProblems(problems: [RequestProblem("malformed-json", ["problem": Self.describe(error)])]))
    }
    guard let fields = object as? [String: Any] else {
      return .failure(RequestProblems(problems: [RequestProblem("not-an-object", [:])]))
    }
    var problems: [RequestProblem] = []
    var request = IntakeRequest()
    // A handful of unknown fields are named, the rest counted: a record with 300,000 of them
    // costs one pass, not 300,000 messages.
    let unknown = fields.keys.filter { !Self.allowedFields.contains($0) }
    for key in Self.first(Self.maximumNamedFields, of: unknown) {
      problems.append(RequestProblem("unknown-field", ["field": key, "expected": Self.allowedList]))
    }
    if unknown.count > Self.maximumNamedFields {
      problems.append(RequestProblem("unknown-field-more", ["count": String(unknown.count - Self.maximumNamedFields)]))
    }
    if let schema = fields["schema"] {
      if (schema as? String) != IntakeRequest.schema {
        problems.append(RequestProblem("wrong-schema", ["schema": Self.shown(schema), "expected": IntakeRequest.schema]))
      }
    }
    switch fields["id"] {
    case nil, is NSNull: break
    case let id as String: request.id = id
    case let number as NSNumber where !Self.isBool(number): request.id = number.stringValue
    default: problems.append(RequestProblem("field-type", ["field": "id", "expected": "string"]))
    }
    if let language = fields["language"] {
      if let code = language as? String, Language(rawValue: code) != nil {
        request.language = code
      } else {
        problems.append(RequestProblem("field-type", ["field": "language", "expected": "\"vi\", \"en\""]))
      }
    }
    if let narrative = fields["narrative"], !(narrative is NSNull) {
      if let text = narrative as? String {
        request.narrative = text
      } else {
        problems.append(RequestProblem("field-type", ["field": "narrative", "expected": "string"]))
      }
    }
    if let notes = fields["notes"], !(notes is NSNull) {
      if let map = notes as? [String: Any] {
        for (fact, words) in map {
          if let text = words as? String { request.notes[fact] = text }
        }
      } else {
        problems.append(RequestProblem("field-type", ["field": "notes", "expected": "object"]))
      }
    }
    // A draft read back keeps its reference (only one written as the program writes them).
    if let draft = fields["draft"] as? [String: Any], let reference = draft["reference"] as? String, DraftReference.isValid(reference) {
      request.reference = reference
    }
    if let contact = fields["contact"], !(contact is NSNull) {
      if let map = contact as? [String: Any] {
        for (key, value) in map {
          if let text = value as? String { request.contact[key] = text }
        }
      } else {
        problems.append(RequestProblem("field-type", ["field": "contact", "expected": "object"]))
      }
    }
    if let facts = fields["facts"], !(facts is NSNull) {
      if let map = facts as? [String: Any] {
        for (key, raw) in map.sorted(by: { $0.key < $1.key }) {
          if raw is NSNull { continue }
          if let value = Self.factValue(raw) {
            request.facts[key] = value
          } else {
            let code = raw is NSNumber ? "not-whole-number" : "invalid-json-value"
            problems.append(RequestProblem(code, ["fact": key, "value": Self.shown(raw)]))
          }
        }
      } else {
        problems.append(RequestProblem("field-type", ["field": "facts", "expected": "object"]))
      }
    }
    return problems.isEmpty ? .success(request) : .failure(RequestProblems(problems: problems))
  }

  static let allowedFields: Set<String> = ["schema", "id", "language", "facts", "narrative", "notes", "contact", "outcome", "draft"]
  static let allowedList = allowedFields.sorted().joined(separator: ", ")
  /// The most unknown fields named in the messages for one record.
  static let maximumNamedFields = 5

  /// The `count` smallest of `keys`, sorted, in one pass over them.
  static func first(_ count: Int, of keys: [String]) -> [String] {
    var kept: [String] = []
    for key in keys {
      if kept.count == count, let last = kept.last, key >= last { continue }
      let at = kept.firstIndex { key < $0 } ?? kept.endIndex
      kept.insert(key, at: at)
      if kept.count > count { kept.removeLast() }
    }
    return kept
  }

  /// A JSON value as a fact value; the rule book checks it against the fact's type.
  static func factValue(_ raw: Any) -> FactValue? {
    switch raw {
    case let text as String: return .choice(text)
    case let number as NSNumber:
      if isBool(number) { return .bool(number.boolValue) }
      let double = number.doubleValue
      guard double.rounded() == double, abs(double) < 1e15 else { return nil }
      return .integer(number.intValue)
    case let list as [Any]:
      var values: [String] = []
      for item in list {
        guard let text = item as? String else { return nil }
        values.append(text)
      }
      return .set(values)
    default:
      return nil
    }
  }

  static func isBool(_ number: NSNumber) -> Bool {
    // JSON booleans arrive as NSNumber with the Objective-C type code of `BOOL` ("c").
    number.objCType.pointee == CChar(bitPattern: UInt8(ascii: "c"))
  }

  /// A value as the message quotes it: a string as typed, anything else as JSON with its keys
  /// in order, cut at 200 characters. (Swift's description of a dictionary follows the hash
  /// order of that run: the same record gave two messages, found by the `screen` fuzz target.)
  static func shown(_ value: Any) -> String {
    if let text = value as? String { return text }
    if let number = value as? NSNumber { return isBool(number) ? (number.boolValue ? "true" : "false") : "\(number)" }
    guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
    else { return "\(value)" }
    let text = String(decoding: data, as: UTF8.self)
    return text.count > Self.longestShown ? String(text.prefix(Self.longestShown)) + "…" : text
  }

  /// The most characters of a value a message quotes.
  static let longestShown = 200

  /// Foundation's description of a JSON error, without its final period (the message adds one).
  static func describe(_ error: any Error) -> String {
    var text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    while text.hasSuffix(".") { text.removeLast() }
    return text
  }
}

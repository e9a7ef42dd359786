import Foundation
import IntakeCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One interview as saved after every answer: a versioned JSON document with the answers,
/// the language and the rules version, so it can be resumed later, even with newer rules.
public struct SessionRecord: Sendable, Equatable {
  /// The newest format this program writes and reads.
  public static let formatVersion = 1

  public var id: String
  public var created: Date
  public var updated: Date
  public var language: Language
  public var rulesVersion: String
  /// Answers by fact id.
  public var answers: [String: FactValue]
  /// Question ids in the order answered or skipped.
  public var history: [String]
  public var skipped: [String]
  public var narrative: String?
  /// Words typed along with an answer, by fact id.
  public var notes: [String: String]
  public var contact: [String: String]
  public var completed: Bool
  /// The draft's reference for follow-up, the same for the whole session.
  public var reference: String

  public init(
    id: String, created: Date, updated: Date, language: Language, rulesVersion: String,
    answers: [String: FactValue] = [:], history: [String] = [], skipped: [String] = [], narrative: String? = nil,
    notes: [String: String] = [:], contact: [String: String] = [:], completed: Bool = false, reference: String? = nil
  ) {
    self.notes = notes
    self.reference = reference ?? DraftReference.make(seed: id)
    self.id = id
    self.created = created
    self.updated = updated
    self.language = language
    self.rulesVersion = rulesVersion
    self.answers = answers
    self.history = history
    self.skipped = skipped
    self.narrative = narrative
    self.contact = contact
    self.completed = completed
  }

  /// A new id: the creation time and a random suffix, sortable by time.
  public static func newID(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970)
    var c = tm()
    gmtime_r(&seconds, &c)
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let stamp = "\(c.tm_year + 1900)" + two(c.tm_mon + 1) + two(c.tm_mday) + "-" + two(c.tm_hour) + two(c.tm_min) + two(c.tm_sec)
    let letters = Array("abcdefghijkmnpqrstuvwxyz23456789")
    let suffix = String((0..<4).map { _ in letters.randomElement() ?? "x" })
    return stamp + "-" + suffix
  }

  // MARK: JSON

  /// The record as JSON (keys sorted, so files diff well).
  public func json() -> Data {
    var object: [String: Any] = [
      "format": "crs-intake-session", "version": Self.formatVersion, "id": id,
      "created": Self.timestamp(created), "updated": Self.timestamp(updated), "language": language.rawValue,
      "rules_version": rulesVersion, "history": history, "skipped": skipped, "contact": contact, "completed": completed,
      "answers": answers.mapValues(Self.jsonValue), "reference": reference,
    ]
    if !notes.isEmpty { object["notes"] = notes }
    if let narrative { object["narrative"] = narrative }
    return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])) ?? Data()
  }

  /// Reads a record, or says why the file is not one.
  public static func decode(_ data: Data) -> Result<SessionRecord, SessionProblem> {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return .failure(.notJSON) }
    guard object["format"] as? String == "crs-intake-session" else { return .failure(.notASession) }
    guard let version = object["version"] as? Int, version <= formatVersion else {
      return .failure(.newerVersion((object["version"] as? Int) ?? -1))
    }
    // A session file is untrusted: its id names files (no path may hide in it), and what is
    // printed from it must be plain text.
    guard let id = object["id"] as? String, SessionStore.isValidID(id), let created = (object["created"] as? String).flatMap(date),
      let updated = (object["updated"] as? String).flatMap(date),
      let language = (object["language"] as? String).flatMap(Language.init(rawValue:))
    else { return .failure(.missingField) }
    var answers: [String: FactValue] = [:]
    for (fact, raw) in object["answers"] as? [String: Any] ?? [:] {
      if let value = factValue(raw) { answers[fact] = value }
    }
    return .success(
      SessionRecord(
        id: id, created: created, updated: updated, language: language,
        rulesVersion: (object["rules_version"] as? String).map { SafeText.visible($0, limit: 100) } ?? "", answers: answers,
        history: object["history"] as? [String] ?? [], skipped: object["skipped"] as? [String] ?? [],
        narrative: object["narrative"] as? String, notes: object["notes"] as? [String: String] ?? [:],
        contact: object["contact"] as? [String: String] ?? [:], completed: object["completed"] as? Bool ?? false,
        reference: (object["reference"] as? String).flatMap { DraftReference.isValid($0) ? $0 : nil }))
  }

  static func jsonValue(_ value: FactValue) -> Any {
    switch value {
    case .choice(let v): return ["choice": v]
    case .text(let v): return ["text": v]
    case .bool(let v): return ["bool": v]
    case .integer(let v): return ["integer": v]
    case .set(let v): return ["set": v]
    }
  }

  static func factValue(_ raw: Any) -> FactValue? {
    guard let map = raw as? [String: Any], let (kind, value) = map.first, map.count == 1 else { return nil }
    switch kind {
    case "choice": return (value as? String).map { .choice($0) }
    case "text": return (value as? String).map { .text($0) }
    case "bool": return (value as? Bool).map { .bool($0) }
    case "integer": return (value as? Int).map { .integer($0) }
    case "set": return (value as? [String]).map { .set($0) }
    default: return nil
    }
  }

  static func timestamp(_ date: Date) -> String {
    ISO8601DateFormatter().string(from: date)
  }

  static func date(_ text: String) -> Date? {
    ISO8601DateFormatter().date(from: text)
  }
}

/// Why a session file could not be read.
public enum SessionProblem: Error, Sendable, Equatable {
  case notJSON
  case notASession
  case newerVersion(Int)
  case missingField
  case unreadable
}

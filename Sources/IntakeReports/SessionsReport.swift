import Foundation
import IntakeCore
import IntakeSessions

/// `crs-intake sessions list --format json`: the saved sessions, newest first — where they
/// stand, never the answers themselves.
public struct SessionsReport: JSONReport, Sendable {
  /// The shape and its version: a change that removes or renames a key gets a new one.
  public static let schema = "crs-intake-sessions/1"

  public struct Session: Encodable, Sendable {
    public var id: String
    public var reference: String
    public var created: Date
    public var updated: Date
    public var language: String
    public var city: String?
    public var state: String?
    public var questionsAnswered: Int
    public var questionsTotal: Int
    public var completed: Bool
  }

  /// A file in the sessions folder that is not a session this program can read.
  public struct Unreadable: Encodable, Sendable {
    public var file: String
    public var problem: String
  }

  let schema = Self.schema
  public var sessions: [Session]
  public var unreadable: [Unreadable]

  /// - Parameter problem: why a file could not be read, in the session's language.
  public init(
    records: [SessionRecord], unreadable: [(file: String, problem: SessionProblem)], questions: Int,
    problem: (SessionProblem) -> String
  ) {
    sessions = records.map { record in
      var city: String?
      var state: String?
      if case .text(let typed)? = record.answers["city"] { city = typed }
      if case .choice(let code)? = record.answers["state"] { state = code }
      return Session(
        id: record.id, reference: record.reference, created: record.created, updated: record.updated,
        language: record.language.rawValue, city: city, state: state, questionsAnswered: record.history.count,
        questionsTotal: questions, completed: record.completed)
    }
    self.unreadable = unreadable.map { Unreadable(file: $0.file, problem: problem($0.problem)) }
  }

}

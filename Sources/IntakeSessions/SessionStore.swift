import Foundation
import IntakeCore

/// Saved interviews in `<state>/sessions/` (directory 0700, files 0600, written atomically).
public struct SessionStore: Sendable {
  public let directory: URL

  public init(directory: URL) {
    self.directory = directory
  }

  public func url(for id: String) -> URL {
    directory.appendingPathComponent(id + ".json")
  }

  /// Saves a record, replacing the earlier version of it atomically.
  public func save(_ record: SessionRecord) throws(PrivateFiles.Failure) {
    guard Self.isValidID(record.id) else {
      throw PrivateFiles.Failure(path: directory.path, reason: "not a session id: " + SafeText.visible(record.id))
    }
    // The state folder holding `sessions/` must be the user's own too, before anything is written.
    try PrivateFiles.ensureDirectory(directory.deletingLastPathComponent())
    try PrivateFiles.ensureDirectory(directory)
    try PrivateFiles.writeAtomically(record.json(), to: url(for: record.id))
  }

  /// One record by id.
  public func load(_ id: String) -> Result<SessionRecord, SessionProblem> {
    guard Self.isValidID(id), let data = FileManager.default.contents(atPath: url(for: id).path) else {
      return .failure(.unreadable)
    }
    return SessionRecord.decode(data)
  }

  /// Every readable record, newest first, and the names of files that could not be read.
  public func list() -> (records: [SessionRecord], unreadable: [(file: String, problem: SessionProblem)]) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    var records: [SessionRecord] = []
    var unreadable: [(String, SessionProblem)] = []
    for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
      let path = directory.appendingPathComponent(name).path
      guard let data = FileManager.default.contents(atPath: path) else {
        unreadable.append((name, .unreadable))
        continue
      }
      switch SessionRecord.decode(data) {
      case .success(let record): records.append(record)
      case .failure(let problem): unreadable.append((name, problem))
      }
    }
    records.sort { ($0.updated, $0.id) > ($1.updated, $1.id) }
    return (records, unreadable)
  }

  /// Deletes one record; false when there is none with that id.
  @discardableResult
  public func delete(_ id: String) -> Bool {
    guard Self.isValidID(id) else { return false }
    return (try? FileManager.default.removeItem(at: url(for: id))) != nil
  }

  /// Deletes every saved session; returns how many.
  @discardableResult
  public func purge() -> Int {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    var count = 0
    for name in names where name.hasSuffix(".json") || name.hasSuffix(".tmp") {
      if (try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))) != nil, name.hasSuffix(".json") {
        count += 1
      }
    }
    return count
  }

  /// Ids are file names: letters, digits and dashes only, so an id cannot reach another path.
  public static func isValidID(_ id: String) -> Bool {
    !id.isEmpty && id.count <= 64 && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }
}

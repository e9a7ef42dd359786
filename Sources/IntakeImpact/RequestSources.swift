import Foundation
import IntakeCore
import IntakeFuzzing
import IntakeScreening
import IntakeSessions

/// Reads the requests to screen from the paths given to `diff`, with the readers `screen` and
/// `sessions` use: a request file (a JSON object, a JSON array, JSON Lines, a saved draft's
/// JSON) or a folder of saved sessions (and drafts); `-` is standard input.
public enum RequestSources {
  /// Why a path, or a record in it, gave no request.
  public enum Problem: Sendable, Equatable {
    /// The path cannot be read (or is not there).
    case unreadable(path: String)
    /// A record that is not a valid request, by file and line.
    case rejected(file: String, line: Int, problems: [RequestProblem])
    /// A file in a sessions folder that is a session of a newer format, or damaged.
    case session(file: String, problem: SessionProblem)
  }

  /// - Parameter path: a file, a folder, or `-`, as the user gave it (messages show it so).
  /// - Returns: the requests in the order read, and every problem met.
  public static func read(_ path: String) -> (subjects: [ImpactSubject], problems: [Problem]) {
    var isFolder: ObjCBool = false
    if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      return readFolder(path)
    }
    let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
    guard let data else { return ([], [.unreadable(path: path)]) }
    return readRecords(data, file: path == "-" ? "<stdin>" : path)
  }

  /// The scenario tests' given facts, each as a request named after its scenario.
  public static func scenarios(_ scenarios: [Scenario]) -> [ImpactSubject] {
    scenarios.map { scenario in
      ImpactSubject(
        origin: .scenario(id: scenario.id, location: scenario.location?.description),
        request: IntakeRequest(id: scenario.id, facts: scenario.given))
    }
  }

  /// `count` random requests over the input facts of `facts` (`RandomRequest`): the same
  /// requests for the same seed and facts, so a batch can be screened again after an edit.
  public static func generated(_ count: Int, seed: UInt64, facts: [FactDefinition]) -> [ImpactSubject] {
    var random = RandomRequest(seed: seed)
    return (0..<count).map { index in
      ImpactSubject(origin: .generated(index: index + 1), request: IntakeRequest(id: "generated-\(index + 1)", facts: random.facts(facts)))
    }
  }

  /// Saved sessions (their answers, as the interview screened them), and any other JSON
  /// file in the folder read as a request file (saved drafts).
  private static func readFolder(_ path: String) -> (subjects: [ImpactSubject], problems: [Problem]) {
    let folder = URL(fileURLWithPath: path)
    let (sessions, others) = SessionStore(directory: folder).list()
    var subjects: [ImpactSubject] = []
    var problems: [Problem] = []
    // Oldest first, as they were written.
    for record in sessions.reversed() {
      let request = IntakeRequest(id: record.id, language: record.language.rawValue, facts: record.answers)
      subjects.append(ImpactSubject(origin: .session(file: shown(path, record.id + ".json"), id: record.id), request: request))
    }
    for (name, problem) in others {
      let file = shown(path, name)
      guard problem == .notASession || problem == .notJSON else {
        problems.append(.session(file: file, problem: problem))
        continue
      }
      guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
        problems.append(.unreadable(path: file))
        continue
      }
      let read = readRecords(data, file: file)
      subjects += read.subjects
      problems += read.problems
    }
    return (subjects, problems)
  }

  private static func readRecords(_ data: Data, file: String) -> (subjects: [ImpactSubject], problems: [Problem]) {
    var subjects: [ImpactSubject] = []
    var problems: [Problem] = []
    let decoder = RequestDecoder()
    for record in RecordSplitter.records(of: [UInt8](data)) {
      if record.oversized {
        let problem = RequestProblem(
          "record-too-large", ["line": String(record.line), "limit": RecordSplitter.maximumRecordDescription])
        problems.append(.rejected(file: file, line: record.line, problems: [problem]))
        continue
      }
      switch decoder.decode(record.bytes) {
      case .success(let request):
        subjects.append(ImpactSubject(origin: .record(file: file, line: record.line, id: request.id), request: request))
      case .failure(let rejection):
        problems.append(.rejected(file: file, line: record.line, problems: rejection.problems))
      }
    }
    return (subjects, problems)
  }

  /// A file in a folder, as a path starting with the folder as given.
  private static func shown(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}

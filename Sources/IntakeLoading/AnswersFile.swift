import Foundation
import IntakeCore
import Yams

/// A script of answers for `crs-intake --answers FILE`: YAML or JSON mapping question ids to
/// answers as a person would type them, in either language (`bases: "chủng tộc, tôn giáo"`).
public enum AnswersFile {
  /// The answers in file order, or a description of why the file cannot be read.
  public static func read(_ url: URL) -> Result<[(question: String, answer: String)], AnswersFileProblem> {
    guard let data = FileBytes.contents(of: url.path) else { return .failure(.init(problem: "not readable")) }
    guard let text = String(validating: data, as: UTF8.self) else { return .failure(.init(problem: "not UTF-8 text")) }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text, .basic)
    } catch {
      return .failure(.init(problem: "\(error)".split(separator: "\n").first.map(String.init) ?? "not YAML or JSON"))
    }
    guard case .mapping(let mapping)? = root else { return .failure(.init(problem: "expected question: answer pairs")) }
    var answers: [(String, String)] = []
    for (key, value) in mapping {
      guard let question = key.scalar?.string else { continue }
      switch value {
      case .scalar(let scalar): answers.append((question, scalar.string))
      case .sequence(let items): answers.append((question, items.compactMap { $0.scalar?.string }.joined(separator: ", ")))
      default: return .failure(.init(problem: "the answer to '\(question)' is not text"))
      }
    }
    return .success(answers)
  }
}

/// Why an answers file could not be read.
public struct AnswersFileProblem: Error, Sendable, Equatable {
  public var problem: String
}

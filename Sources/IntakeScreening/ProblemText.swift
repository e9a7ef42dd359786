import IntakeCore

/// The words for a request problem, from `Locales/` (`request.<code>`), with control
/// characters in quoted input made visible so nothing raw reaches a terminal.
public enum ProblemText {
  public static func render(_ problem: RequestProblem, _ catalog: MessageCatalog, _ language: Language) -> String {
    catalog.problem("request.\(problem.code)", language, problem.arguments)
  }
}

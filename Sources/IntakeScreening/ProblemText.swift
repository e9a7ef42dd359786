import IntakeCore

/// The words for a request problem, from `Locales/` (`request.<code>`), with control
/// characters in quoted input made visible so nothing raw reaches a terminal.
public enum ProblemText {
  public static func render(_ problem: RequestProblem, _ catalog: MessageCatalog, _ language: Language) -> String {
    var arguments = problem.arguments.mapValues(SafeText.visible)
    let suggestion = arguments.removeValue(forKey: "suggestion") ?? ""
    var text = catalog.text("request.\(problem.code)", language, arguments)
    if !suggestion.isEmpty {
      text += " " + catalog.text("diagnostic.suggestion", language, ["suggestion": suggestion])
    }
    return text
  }
}

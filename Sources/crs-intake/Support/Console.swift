import Foundation
import IntakeCore
import IntakeScreening

/// Where the program's words go: results to stdout, errors and diagnostics to stderr.
struct Console {
  let output = ByteSink(descriptor: 1)
  let errors = ByteSink(descriptor: 2)

  func print(_ line: String) {
    output.write(line + "\n")
    output.flush()
  }

  func error(_ line: String) {
    errors.write(line + "\n")
    errors.flush()
  }

  /// `file:line:column: error|warning: message`, as compilers write it.
  func render(_ diagnostic: Diagnostic, _ catalog: MessageCatalog, _ language: Language) -> String {
    var arguments = diagnostic.arguments.mapValues(SafeText.visible)
    let suggestion = arguments.removeValue(forKey: "suggestion") ?? ""
    var message = catalog.text("diagnostic.\(diagnostic.code)", language, arguments)
    if message == "diagnostic.\(diagnostic.code)" {
      // The texts themselves failed to load: still say what is wrong, as data.
      message = diagnostic.code + " " + arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
    if !suggestion.isEmpty {
      message += " " + catalog.text("diagnostic.suggestion", language, ["suggestion": suggestion])
    }
    return "\(diagnostic.location): \(diagnostic.severity.rawValue): \(message)"
  }
}

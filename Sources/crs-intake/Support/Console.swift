import ArgumentParser
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

  /// Flushes standard output; when a write failed (a full disk, a closed pipe), says so on
  /// stderr and ends the command with exit 74 (EX_IOERR), so a truncated result is never taken
  /// for a whole one.
  func finish(_ catalog: MessageCatalog, _ language: Language) throws {
    output.flush()
    guard let reason = output.failureReason else { return }
    error(catalog.text("cli.write-failed", language, ["problem": reason]))
    throw ExitCode(74)
  }

  /// One line saying that the checks depending on `files` (which could not be read or parsed)
  /// were skipped; nothing when every file was read.
  func reportSkipped(_ files: [String], _ catalog: MessageCatalog, _ language: Language) {
    guard !files.isEmpty else { return }
    let names = files.map { "'\(SafeText.visible($0))'" }.joined(separator: ", ")
    error(catalog.text("check.skipped", language, ["files": names]))
  }

  /// The errors of data that did not load (the first 20), one line for the checks skipped
  /// because a file could not be read, and how many errors there are in all.
  func reportInvalid(_ diagnostics: [Diagnostic], _ catalog: MessageCatalog, _ language: Language) {
    let errors = diagnostics.filter { $0.severity == .error }
    for diagnostic in errors.prefix(20) { error(render(diagnostic, catalog, language)) }
    reportSkipped(diagnostics.unreadFiles, catalog, language)
    error(catalog.text("cli.data-invalid", language, ["count": String(errors.count)]))
  }

  /// `file:line:column: error|warning: message`, as compilers write it.
  func render(_ diagnostic: Diagnostic, _ catalog: MessageCatalog, _ language: Language) -> String {
    let message = catalog.problem(diagnostic.code.messageKey, language, diagnostic.arguments)
    return "\(diagnostic.location): \(diagnostic.severity.rawValue): \(message)"
  }
}

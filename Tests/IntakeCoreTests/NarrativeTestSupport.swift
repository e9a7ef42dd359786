// The files of Narrative/ use the shared helpers (ShippedData, CLI, PseudoTerminal, ...) without
// importing IntakeTestSupport themselves: they were written when the helpers were part of this
// target. Re-exporting the module here makes the helpers visible to every file of the target;
// once each Narrative file imports IntakeTestSupport, this file can go.
@_exported import IntakeTestSupport

/// The JSON Lines reader as NarrativeFuzzTests calls it: the `screen` suite moved to CLITests,
/// and the helper to `CLI.jsonLines`.
enum CLIScreenTests {
  static func jsonLines(_ text: String) throws -> [[String: Any]] {
    try CLI.jsonLines(text)
  }
}

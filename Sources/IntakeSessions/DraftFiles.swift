import Foundation
import IntakeCore
import IntakeScreening

/// Writes a draft request as Markdown and as intake JSON (schema v1 plus the outcome, which
/// `crs-intake screen` reads back), never replacing an existing file; files are 0600.
public enum DraftFiles {
  public static func write(
    _ draft: DraftRequest, markdown: String, in directory: URL
  ) throws(PrivateFiles.Failure) -> (markdown: URL, json: URL) {
    let stem = draft.fileStem
    // Choose one stem free for both files, so the pair keeps the same name.
    var chosen = stem
    for attempt in 1...999 {
      chosen = attempt == 1 ? stem : "\(stem)-\(attempt)"
      let md = directory.appendingPathComponent(chosen + ".md").path
      let json = directory.appendingPathComponent(chosen + ".json").path
      if !FileManager.default.fileExists(atPath: md) && !FileManager.default.fileExists(atPath: json) { break }
    }
    let mdURL = try PrivateFiles.createNew(Data(markdown.utf8), in: directory, stem: chosen, suffix: ".md")
    let jsonURL = try PrivateFiles.createNew(json(draft), in: directory, stem: chosen, suffix: ".json")
    return (mdURL, jsonURL)
  }

  /// The draft as intake JSON with its outcome (pretty-printed for people who open it).
  public static func json(_ draft: DraftRequest) -> Data {
    var text = JSONText()
    RequestJSON.write(
      draft.request, outcome: draft.outcome, date: draft.date, rulesVersion: draft.rulesVersion, reference: draft.reference, into: &text)
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.bytes)),
      let pretty = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    else { return Data(text.bytes) }
    return pretty + Data("\n".utf8)
  }
}

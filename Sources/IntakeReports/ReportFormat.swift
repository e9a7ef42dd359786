import Foundation

/// How `check`, `test`, `explain`, `offices` and `sessions list` print: text for people, or
/// one JSON object for programs (each shape documented in the README, named with its version in `schema`).
public enum ReportFormat: String, Sendable, CaseIterable {
  case text
  case json
}

/// The JSON every report is written with: keys sorted so the same data gives the same bytes,
/// slashes left as they are (paths read as written).
enum ReportEncoder {
  static func encode(_ value: some Encodable) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.dateEncodingStrategy = .iso8601
    // Every field is a string, number, Bool, array or object of these: encoding cannot fail.
    return (try? encoder.encode(value)) ?? Data("{}".utf8)
  }
}

/// A report written as one JSON object.
public protocol JSONReport: Encodable {}

extension JSONReport {
  public var json: Data { ReportEncoder.encode(self) }
}

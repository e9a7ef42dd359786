/// How `screen` writes outcomes.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// One outcome (or error record) per line.
  case jsonl
  /// One JSON array, valid even when some requests are rejected.
  case json
  /// Comma-separated values with a header row.
  case csv
  /// An aligned table for reading in a terminal.
  case table
}

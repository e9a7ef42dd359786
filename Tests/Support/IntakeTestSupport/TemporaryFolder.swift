import Foundation

/// A fresh temporary folder, removed by `remove()`.
public struct TemporaryFolder {
  /// The folder.
  public let url: URL

  /// Creates a new, empty folder in the system's temporary directory.
  public init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("crs-intake-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Removes the folder and everything in it.
  public func remove() {
    try? FileManager.default.removeItem(at: url)
  }

  /// Writes `text` (UTF-8) to `relative`, creating folders on the way.
  @discardableResult
  public func write(_ relative: String, _ text: String) throws -> URL {
    try write(relative, Data(text.utf8))
  }

  /// Writes `data` to `relative`, creating folders on the way.
  @discardableResult
  public func write(_ relative: String, _ data: Data) throws -> URL {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
    return file
  }

  /// A copy of the shipped Rules/ as `<folder>/Rules`, so diagnostics read `Rules/...`.
  public func copyOfShippedRules() throws -> URL {
    let target = url.appendingPathComponent("Rules")
    try FileManager.default.copyItem(at: PackagePaths.rules, to: target)
    return target
  }
}

/// The 1-based line and column of the first occurrence of `needle` in `text`, optionally at
/// the `occurrence`-th match; columns count Unicode scalars as the loader does.
public func position(of needle: String, in text: String, occurrence: Int = 1) -> (line: Int, column: Int)? {
  var seen = 0
  for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    var rest = Substring(line)
    var offset = 0
    while let range = rest.range(of: needle) {
      seen += 1
      let column = offset + rest.unicodeScalars.distance(from: rest.startIndex, to: range.lowerBound) + 1
      if seen == occurrence { return (index + 1, column) }
      offset = column
      rest = rest[range.upperBound...]
      offset += needle.unicodeScalars.count - 1
    }
  }
  return nil
}

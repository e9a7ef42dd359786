import Foundation

/// One data cache for every `crs-intake` this test process starts with the shipped data.
/// Building the cache from the YAML takes about two seconds in a debug build, more on a loaded
/// machine: with a fresh cache per start the first prompt of a pseudo-terminal test missed its
/// time limit in CI. Tests about the cache itself set `XDG_CACHE_HOME` themselves.
public enum SharedTestCache {
  /// The cache folder, `XDG_CACHE_HOME` for the programs tests start; removed when the process exits.
  public static let path: String = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crs-intake-tests-cache-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: SharedTestCache.path) }
    return folder.path
  }()
}

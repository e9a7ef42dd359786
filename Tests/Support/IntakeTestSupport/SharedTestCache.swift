import Foundation
import IntakeLoading

/// One data cache for every `crs-intake` this test process starts with the shipped data.
/// Building the data from the YAML takes about four seconds in a debug build, many times that
/// when CI runs every suite at once: with a fresh cache per start the first prompt of a
/// pseudo-terminal test missed its time limit. So the cache is filled once, here, before the
/// first program starts (a `--no-save` interview reads a cache but never writes one). Tests
/// about the cache itself set `XDG_CACHE_HOME` themselves.
public enum SharedTestCache {
  /// The cache folder, `XDG_CACHE_HOME` for the programs tests start; removed when the process exits.
  public static let path: String = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crs-intake-tests-cache-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: SharedTestCache.path) }
    // The program's cache folder under XDG_CACHE_HOME, keyed as the program keys the folders
    // CRS_INTAKE_RULES and CRS_INTAKE_LOCALES name.
    _ = DataCache(directory: folder.appendingPathComponent("crs-intake")).load(rules: PackagePaths.rules, locales: PackagePaths.locales)
    return folder.path
  }()
}

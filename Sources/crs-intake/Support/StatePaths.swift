import Foundation
import IntakeSessions

/// Where the program keeps its own files: `$XDG_STATE_HOME/crs-intake/` (default
/// `~/.local/state/crs-intake/`), a directory only its owner can read (0700).
enum StatePaths {
  static var directory: URL {
    let environment = ProcessInfo.processInfo.environment
    let base: URL
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      base = URL(fileURLWithPath: state)
    } else {
      let home = environment["HOME"] ?? NSHomeDirectory()
      base = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
    }
    return base.appendingPathComponent("crs-intake")
  }

  /// Creates the directory (0700) if needed; nil when it cannot be created, or is a symbolic
  /// link or someone else's (then nothing is kept there).
  static func ensureDirectory() -> URL? {
    let url = directory
    do throws(PrivateFiles.Failure) {
      try PrivateFiles.ensureDirectory(url)
      return url
    } catch {
      return nil
    }
  }

  /// Where the checked rules and texts are cached: `$XDG_CACHE_HOME/crs-intake/` (default
  /// `~/.cache/crs-intake/`). It holds no answers.
  static var cacheDirectory: URL {
    let environment = ProcessInfo.processInfo.environment
    if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
      return URL(fileURLWithPath: cache).appendingPathComponent("crs-intake")
    }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return URL(fileURLWithPath: home).appendingPathComponent(".cache/crs-intake")
  }

  /// The readline history of commands (never answers).
  static var historyFile: String? {
    ensureDirectory()?.appendingPathComponent("history").path
  }
}

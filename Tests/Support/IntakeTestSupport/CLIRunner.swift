import Foundation

/// Runs the built `crs-intake` binary, as a user would, and captures what it prints.
public enum CLI {
  /// What one run printed, and how it ended.
  public struct Result {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var stdoutData: Data

    /// Standard output as lines, without the empty one after the last newline.
    public var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastIfEmpty() }
    /// Standard error as lines, without the empty one after the last newline.
    public var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastIfEmpty() }
  }

  /// The binary in the build folder these tests were built into: found by walking up from the
  /// test bundle (or `CRS_INTAKE_BINARY` when set).
  public static let binary: URL? = {
    let fileManager = FileManager.default
    if let explicit = ProcessInfo.processInfo.environment["CRS_INTAKE_BINARY"], !explicit.isEmpty {
      return URL(fileURLWithPath: explicit)
    }
    var starts = [URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath(), Bundle.main.bundleURL]
    if let executable = Bundle.main.executableURL { starts.append(executable) }
    for start in starts {
      var folder = start.standardizedFileURL
      for _ in 0..<8 {
        for candidate in [folder.appendingPathComponent("crs-intake"), folder.appendingPathComponent("debug/crs-intake")] {
          var isDirectory: ObjCBool = false
          if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
            fileManager.isExecutableFile(atPath: candidate.path)
          {
            return candidate
          }
        }
        let parent = folder.deletingLastPathComponent()
        if parent.path == folder.path { break }
        folder = parent
      }
    }
    return nil
  }()

  /// Runs `crs-intake arguments` with the shipped data (unless `rules` / `locales` say
  /// otherwise), English messages, and `stdin` as standard input, in `directory` (a new
  /// empty folder when nil; a folder of inputs lets arguments name them as relative paths, so
  /// what the program prints of them is the same on every machine).
  public static func run(
    _ arguments: [String], stdin: Data = Data(), rules: URL = PackagePaths.rules, locales: URL = PackagePaths.locales,
    environment extra: [String: String] = [:], directory: URL? = nil
  ) async throws -> Result {
    guard let binary else {
      throw CLIError("crs-intake binary not found near \(CommandLine.arguments[0]); build with `swift build --build-tests`")
    }
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var environment = [
      "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "HOME": folder.url.path,
      "CRS_INTAKE_RULES": rules.path, "CRS_INTAKE_LOCALES": locales.path,
    ]
    if rules == PackagePaths.rules && locales == PackagePaths.locales {
      environment["XDG_CACHE_HOME"] = SharedTestCache.path
    }
    environment.merge(extra) { _, new in new }
    return try await execute(binary, arguments, stdin: stdin, environment: environment, directory: directory ?? folder.url)
  }

  /// Runs `executable arguments` with exactly `environment` (nothing inherited), in
  /// `directory`, with `stdin` as standard input.
  public static func execute(
    _ executable: URL, _ arguments: [String], stdin: Data = Data(), environment: [String: String], directory: URL
  ) async throws -> Result {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let outURL = folder.url.appendingPathComponent("stdout")
    let errURL = folder.url.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let input = try folder.write("stdin", stdin)
    let inputHandle = try FileHandle(forReadingFrom: input)

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = directory
    process.standardInput = inputHandle
    process.standardOutput = out
    process.standardError = err
    let status: Int32 = try await withCheckedThrowingContinuation { continuation in
      process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
      do {
        try process.run()
      } catch {
        process.terminationHandler = nil
        continuation.resume(throwing: error)
      }
    }
    try out.close()
    try err.close()
    try inputHandle.close()
    let stdoutData = try Data(contentsOf: outURL)
    return Result(
      status: status, stdout: String(decoding: stdoutData, as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), stdoutData: stdoutData)
  }

  /// Runs `crs-intake arguments` as `run(_:stdin:rules:locales:environment:)` does, with `stdin` as UTF-8.
  public static func run(_ arguments: [String], stdin: String) async throws -> Result {
    try await run(arguments, stdin: Data(stdin.utf8))
  }

  /// The records of JSON Lines output (`screen --format jsonl`), one object per line.
  public static func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
      guard let record = object as? [String: Any] else { throw CLIError("not an object: \(line)") }
      return record
    }
  }
}

/// A run that could not be made, or output that is not what a test can read.
public struct CLIError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

extension Array where Element == String {
  fileprivate func dropLastIfEmpty() -> [String] {
    last == "" ? Array(dropLast()) : self
  }
}

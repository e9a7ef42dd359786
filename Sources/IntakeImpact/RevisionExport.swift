import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Folders as they were at a git revision (`diff --base-rev HEAD~1`), written with `git
/// archive` into a private temporary folder (0700) that `remove()` deletes. Nothing in the
/// repository, its index or its working tree is touched.
public struct RevisionExport {
  /// Why the folders could not be had.
  public enum Failure: Error, Equatable {
    /// git is not installed, or could not be started.
    case gitUnavailable(String)
    /// The current folder is not inside a git work tree.
    case notARepository
    /// No commit has that name.
    case unknownRevision(String)
    /// The revision has no folder at that path.
    case missingFolder(String)
    /// git or tar failed, with what it said.
    case failed(String)
  }

  /// The private folder holding the exported folders.
  public let root: URL
  /// Each exported folder, in the order asked.
  public let folders: [URL]

  /// - Parameters:
  ///   - revision: a commit, branch or tag (`HEAD~1`).
  ///   - paths: folders as the user names them from the current folder (`Rules`), or absolute
  ///     paths inside the repository.
  /// - Throws: `Failure`, saying which step failed.
  public static func export(revision: String, paths: [String]) throws(Failure) -> RevisionExport {
    let inside = try git(["rev-parse", "--is-inside-work-tree"])
    guard inside.status == 0, inside.output == "true" else { throw .notARepository }
    // A name starting with '-' would be read as an option.
    guard !revision.hasPrefix("-"), try git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"]).status == 0 else {
      throw .unknownRevision(revision)
    }
    let top = try git(["rev-parse", "--show-toplevel"]).output
    var template = Array((NSTemporaryDirectory() + "/crs-intake-base-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw .failed(String(cString: strerror(errno))) }
    let root = URL(fileURLWithPath: String(cString: made))
    var folders: [URL] = []
    do throws(Failure) {
      for (index, path) in paths.enumerated() {
        let spec = revision + ":" + repositoryPath(path, top: top)
        guard try git(["cat-file", "-t", spec]).output == "tree" else { throw .missingFolder(path) }
        let folder = root.appendingPathComponent(String(index))
        let archive = root.appendingPathComponent(String(index) + ".tar")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)) != nil else {
          throw .failed(folder.path)
        }
        let written = try git(["archive", "--format=tar", "-o", archive.path, spec])
        guard written.status == 0 else { throw .failed(written.errors) }
        let unpacked = try run("tar", ["-xf", archive.path, "-C", folder.path])
        guard unpacked.status == 0 else { throw .failed(unpacked.errors) }
        try? FileManager.default.removeItem(at: archive)
        folders.append(folder)
      }
    } catch {
      try? FileManager.default.removeItem(at: root)
      throw error
    }
    return RevisionExport(root: root, folders: folders)
  }

  /// Deletes the exported folders.
  public func remove() {
    try? FileManager.default.removeItem(at: root)
  }

  /// `./Rules` for a path from the current folder (git reads `REV:./Rules` from there); an
  /// absolute path inside the work tree as a path from its top.
  private static func repositoryPath(_ path: String, top: String) -> String {
    guard path.hasPrefix("/") else { return path.hasPrefix("./") ? path : "./" + path }
    let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    let root = URL(fileURLWithPath: top).resolvingSymlinksInPath().path
    return real.hasPrefix(root + "/") ? String(real.dropFirst(root.count + 1)) : real
  }

  private static func git(_ arguments: [String]) throws(Failure) -> (status: Int32, output: String, errors: String) {
    try run("git", arguments)
  }

  /// Runs a program found on PATH; its output trimmed.
  private static func run(_ program: String, _ arguments: [String]) throws(Failure) -> (
    status: Int32, output: String, errors: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw .gitUnavailable(error.localizedDescription)
    }
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    // env says 127 when it cannot find the program.
    if process.terminationStatus == 127 { throw .gitUnavailable(program) }
    func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    return (process.terminationStatus, text(out), text(err))
  }
}

import Crypto
import Foundation
import IntakeCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A private cache of `Rules/` and `Locales/` as loaded and checked, so the interview starts
/// without parsing YAML. A folder on disk is keyed by every data file's path, size and
/// modification time, data compiled into the binary by its content digest: any edit (or another
/// build) makes a new key, and the data is then loaded (and checked) from the YAML again.
/// Only data without errors is cached; `check` always reads the YAML. Each file carries the
/// SHA-256 of its content and is used only when it matches (see `sealed`).
public struct DataCache: Sendable {
  public let directory: URL

  public init(directory: URL) {
    self.directory = directory
  }

  /// The data, from the cache when it is current, else loaded from YAML (and then cached if
  /// it has no errors).
  public func load(rules: URL, locales: URL, storing: Bool = true) -> IntakeData {
    load(rules: .directory(rules), locales: .directory(locales), storing: storing)
  }

  /// The data of two folders (on disk or compiled in), from the cache when it is current, else
  /// loaded from YAML (and then cached if it has no errors and `storing` is set: `--no-save`
  /// reads a current cache, which holds no answers, but writes nothing).
  public func load(rules: DataFolder, locales: DataFolder, storing: Bool = true) -> IntakeData {
    let key = Self.key(rules: rules, locales: locales)
    let file = directory.appendingPathComponent("data-\(key).bin")
    if Self.isOwnDirectory(directory.path), let bytes = FileBytes.contents(of: file.path), let data = Self.read([UInt8](bytes)) {
      return data
    }
    let loaded = IntakeData.load(rules: rules, locales: locales)
    if storing, loaded.book != nil, !loaded.diagnostics.hasErrors {
      store(loaded, as: file)
    }
    return loaded
  }

  /// The data a cache file holds, as `load` reads it: only a sealed file whose digest matches
  /// and whose rules decode and compile without errors; nil for anything else. Public so the
  /// fuzz target reads cache files exactly as the program does.
  public static func read(_ file: [UInt8]) -> IntakeData? {
    guard let payload = unsealed(file), let (ruleSet, catalog, lexicon) = try? IntakeDataCodec.decode(payload) else { return nil }
    let (book, diagnostics) = RuleBook.compile(ruleSet)
    guard let book, !diagnostics.hasErrors else { return nil }
    var data = IntakeData(ruleSet: ruleSet, catalog: catalog, lexicon: lexicon, book: book, diagnostics: [])
    data.fromCache = true
    return data
  }

  private func store(_ loaded: IntakeData, as file: URL) {
    let bytes = Self.sealed(IntakeDataCodec.encode(loaded.ruleSet, loaded.catalog, loaded.lexicon))
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      // A cache folder that is a link or someone else's is left alone: nothing is deleted or
      // written through it (the data is simply read from the YAML each time).
      guard Self.isOwnDirectory(directory.path) else { return }
      chmod(directory.path, 0o700)
      // Older keys are of no use once the data changed.
      for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where name.hasPrefix("data-") {
        unlink(directory.appendingPathComponent(name).path)
      }
      let temporary = directory.appendingPathComponent(".\(file.lastPathComponent).\(getpid())")
      unlink(temporary.path)
      let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
      guard fd >= 0 else { return }
      let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      close(fd)
      guard written == bytes.count else {
        unlink(temporary.path)
        return
      }
      if rename(temporary.path, file.path) != 0 { unlink(temporary.path) }
    } catch {
      return
    }
  }

  /// Whether `path` is a real folder of this user (not a symbolic link, not someone else's).
  static func isOwnDirectory(_ path: String) -> Bool {
    var info = stat()
    guard lstat(path, &info) == 0 else { return false }
    return (info.st_mode & S_IFMT) == S_IFDIR && info.st_uid == getuid()
  }

  // MARK: Integrity

  /// What a cache file starts with, before its digest.
  public static let magic = Array("crs-intake cache\n".utf8)

  /// The start of every payload: the layout's format number as the codec writes it.
  public static var formatHeader: [UInt8] {
    var w = BinaryWriter()
    w.int(IntakeDataCodec.format)
    return w.bytes
  }

  /// The file for a payload: a fixed header, the payload's SHA-256, then the payload. The
  /// cache is read back only when the digest matches; anything else (damage, an edit, a
  /// crafted file) makes the data load from the YAML again and the cache be rewritten.
  public static func sealed(_ payload: [UInt8]) -> [UInt8] {
    magic + Array(SHA256.hash(data: payload)) + payload
  }

  /// The payload of a sealed file whose digest matches, else nil.
  static func unsealed(_ file: [UInt8]) -> [UInt8]? {
    let start = magic.count + 32
    guard file.count >= start, file.starts(with: magic) else { return nil }
    let payload = Array(file[start...])
    guard SHA256.hash(data: payload).elementsEqual(file[magic.count..<start]) else { return nil }
    return payload
  }

  /// FNV-1a over the format version, the folders, and each YAML file's path, size and
  /// modification time (nanoseconds); for data compiled in, its name and content digest.
  static func key(rules: DataFolder, locales: DataFolder) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ text: String) {
      for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      hash = (hash ^ 0xFF) &* 0x100_0000_01b3
    }
    mix("format \(IntakeDataCodec.format)")
    for source in [rules, locales] {
      guard case .directory(let folder, _) = source else {
        if case .embedded(let name, let files) = source { mix("embedded \(name) \(files.digest)") }
        continue
      }
      // Diagnostics name files as the folder was given, so the same folder given otherwise is
      // another entry.
      mix(folder.standardizedFileURL.path + " as " + source.displayName)
      for path in yamlFiles(under: folder.path) {
        var info = stat()
        guard stat(path, &info) == 0 else { continue }
        #if canImport(Glibc)
          let seconds = info.st_mtim.tv_sec
          let nanoseconds = info.st_mtim.tv_nsec
        #else
          let seconds = info.st_mtimespec.tv_sec
          let nanoseconds = info.st_mtimespec.tv_nsec
        #endif
        mix("\(path) \(info.st_size) \(seconds).\(nanoseconds)")
      }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: max(0, 16 - hex.count)) + hex
  }

  /// The YAML files under a folder (one level of subfolders, as Rules/ has), sorted.
  static func yamlFiles(under folder: String) -> [String] {
    var found: [String] = []
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    for name in names {
      let path = folder + "/" + name
      if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
        found.append(path)
      } else if !name.hasPrefix("."), let inner = try? FileManager.default.contentsOfDirectory(atPath: path) {
        found += inner.sorted().filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { path + "/" + $0 }
      }
    }
    return found
  }
}

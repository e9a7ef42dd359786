import Foundation
import IntakeLoading
import IntakeTestSupport
import Testing

/// Issue 11: the data cache is read back only when it is exactly what was written; a damaged,
/// edited or crafted file is rebuilt from the YAML, silently, and never crashes a command.
@Suite("Hardening: data cache")
struct CacheIntegrityTests {
  private static let phone = "206-220-6700"

  /// Runs `offices WA` with the cache in `cache`.
  private static func offices(_ cache: URL) async throws -> CLI.Result {
    try await CLI.run(["offices", "WA"], environment: ["XDG_CACHE_HOME": cache.path])
  }

  /// The one cache file, after a first run has written it.
  private static func cacheFile(_ cache: URL) throws -> URL {
    let folder = cache.appendingPathComponent("crs-intake")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("data-") }
    #expect(names.count == 1)
    return folder.appendingPathComponent(try #require(names.first))
  }

  @Test("An office phone edited in the cache is not served: the data is rebuilt from the YAML")
  func editedCache() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let first = try await Self.offices(folder.url)
    #expect(first.status == 0 && first.stdout.contains(Self.phone))
    let file = try Self.cacheFile(folder.url)
    var bytes = [UInt8](try Data(contentsOf: file))
    let needle = Array(Self.phone.utf8)
    let edited = Array("206-555-0199".utf8)
    var replaced = 0
    var i = 0
    while i + needle.count <= bytes.count {
      if Array(bytes[i..<i + needle.count]) == needle {
        bytes.replaceSubrange(i..<i + needle.count, with: edited)
        replaced += 1
      }
      i += 1
    }
    #expect(replaced > 0)
    try Data(bytes).write(to: file)
    let second = try await Self.offices(folder.url)
    #expect(second.status == 0)
    #expect(second.stdout.contains(Self.phone) && !second.stdout.contains("206-555-0199"), "\(second.stdout)")
    #expect(second.stderr.isEmpty, "\(second.stderr)")
    // The cache was rebuilt: a third run reads it back and is right too.
    let third = try await Self.offices(folder.url)
    #expect(third.stdout == first.stdout)
  }

  /// A payload in the cache's layout (format, version, no facts, services or referrals, one
  /// rule) whose condition is `not` nested `depth` times.
  private static func deepPayload(depth: Int) -> [UInt8] {
    // Zig-zag varints: format (from the real file), "" version, 0, 0, 0, one rule "" ...
    var payload: [UInt8] = [0, 0, 0, 0, 2, 0]
    payload += [UInt8](repeating: 4, count: depth)  // tag 2 (`not`), zig-zagged
    return payload
  }

  @Test("A crafted cache (a million nested conditions, counts larger than the file) crashes nothing")
  func craftedCache() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let first = try await Self.offices(folder.url)
    let file = try Self.cacheFile(folder.url)
    let original = [UInt8](try Data(contentsOf: file))
    // Without a valid digest: the format's varint as the real file has it, then the hostile body.
    let hostile: [[UInt8]] = [
      [14] + Self.deepPayload(depth: 1_000_000),
      [14, 0, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F],
      Array(original.prefix(original.count / 2)),
      [],
    ]
    for body in hostile {
      try Data(body).write(to: file)
      let result = try await Self.offices(folder.url)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout == first.stdout)
    }
    // With a valid digest (sealed as the program seals it): the decoder bounds itself.
    for payload in [
      DataCache.formatHeader + Self.deepPayload(depth: 1_000_000),
      DataCache.formatHeader + [0, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F],
      DataCache.formatHeader + [0, 2, 0, 0, 2, 0, 0xFE, 0xFF, 0xFF, 0x7F],
    ] {
      try Data(DataCache.sealed(payload)).write(to: file)
      let result = try await Self.offices(folder.url)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout == first.stdout)
    }
  }
}

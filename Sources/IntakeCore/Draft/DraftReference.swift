/// A short reference a requester and an office can quote on the phone ("CRS-7K3F-92QD"):
/// derived from a session's id or a request's content, so the same request keeps the same
/// reference; Crockford's base-32 letters, without I, L, O or U, are hard to mishear.
public enum DraftReference {
  static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

  /// The reference for `seed` (FNV-1a, 40 bits as eight letters).
  public static func make(seed: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in seed.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    var letters: [Character] = []
    for _ in 0..<8 {
      letters.append(alphabet[Int(hash & 31)])
      hash >>= 5
    }
    return "CRS-" + String(letters[0..<4]) + "-" + String(letters[4..<8])
  }

  /// Whether `text` is a reference as `make` writes them (files the program did not write
  /// are untrusted).
  public static func isValid(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    return parts.count == 3 && parts[0] == "CRS" && parts[1].count == 4 && parts[2].count == 4
      && (parts[1] + parts[2]).allSatisfy { alphabet.contains($0) }
  }
}

/// "Did you mean …?": the nearest candidate by edit distance, when it is near enough.
public enum Suggestion {
  public static func nearest(to input: String, in candidates: [String]) -> String? {
    let folded = TextFolding.fold(input)
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(folded, TextFolding.fold(candidate))
      if distance <= max(1, folded.count / 3), distance < (best?.1 ?? .max) { best = (candidate, distance) }
    }
    return best?.0
  }

  /// Levenshtein distance over characters.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

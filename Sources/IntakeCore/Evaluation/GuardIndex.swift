/// Rules indexed by the value of the fact their guard tests (`CompiledRule.guardFact`), so an
/// evaluation runs only the rules whose guard can hold and cost grows with the rules that could
/// fire. Flat arrays of plain integers, read by the hot loops without reference counting.
struct GuardIndex {
  /// Rules guarded by value bit `b` of fact `f`:
  /// `bucketRules[bucketStart[f * 64 + b]..<bucketStart[f * 64 + b + 1]]`.
  private(set) var bucketStart: [Int] = []
  private(set) var bucketRules: [Int] = []
  /// Per fact: the value bits whose bucket has some rule.
  private(set) var bucketMasks: [UInt64]
  /// Every rule guarded by fact `f`, once: `groupRules[groupStart[f]..<groupStart[f + 1]]`.
  private(set) var groupStart: [Int] = []
  private(set) var groupRules: [Int] = []
  /// Per fact: the union of the fact masks of the rules it guards.
  private(set) var groupMasks: [UInt64]
  /// The rules without a guard, in rule order.
  private(set) var unguarded: [Int] = []
  /// The facts some rule's guard tests (bits).
  private(set) var guarded: UInt64 = 0

  init(_ rules: [CompiledRule], factCount: Int) {
    var buckets = Array(repeating: [[Int]](repeating: [], count: 64), count: factCount)
    var groups = Array(repeating: [Int](), count: factCount)
    bucketMasks = Array(repeating: 0, count: factCount)
    groupMasks = Array(repeating: 0, count: factCount)
    for (r, rule) in rules.enumerated() {
      guard let g = rule.guardFact else {
        unguarded.append(r)
        continue
      }
      groups[g].append(r)
      groupMasks[g] |= rule.factMask
      guarded |= 1 &<< UInt64(g)
      for bit in FactBits(rule.guardMask) {
        buckets[g][bit].append(r)
        bucketMasks[g] |= 1 &<< UInt64(bit)
      }
    }
    for f in 0..<factCount {
      for b in 0..<64 {
        bucketStart.append(bucketRules.count)
        bucketRules += buckets[f][b]
      }
      groupStart.append(groupRules.count)
      groupRules += groups[f]
    }
    bucketStart.append(bucketRules.count)
    groupStart.append(groupRules.count)
  }
}

/// The facts of one request in the compact form the evaluator reads: one slot per fact
/// (a choice's value index, 0/1 for a bool, the integer, or a set's bit mask) and a mask of
/// which facts are known. Built once per request; evaluating it allocates nothing.
public struct FactTable: Sendable, Equatable {
  /// Bit `i` is set when fact `i` of the rule book has a value.
  public internal(set) var known: UInt64
  @usableFromInline var slots: [Int]
  @usableFromInline var texts: [String?]

  init(factCount: Int) {
    known = 0
    slots = Array(repeating: 0, count: factCount)
    texts = Array(repeating: nil, count: factCount)
  }

  @inlinable func isKnown(_ fact: Int) -> Bool { known & (1 &<< UInt64(fact)) != 0 }

  mutating func set(_ fact: Int, slot: Int) {
    known |= 1 &<< UInt64(fact)
    slots[fact] = slot
  }

  mutating func set(_ fact: Int, text: String) {
    known |= 1 &<< UInt64(fact)
    texts[fact] = text
  }
}

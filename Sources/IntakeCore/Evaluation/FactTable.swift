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

  /// An empty table for `book`'s facts, for a reader that decodes requests straight into
  /// slots with `set` and reuses one table from request to request (`removeAll`).
  public init(for book: RuleBook) {
    self.init(factCount: book.facts.count)
  }

  @inlinable func isKnown(_ fact: Int) -> Bool { known & (1 &<< UInt64(fact)) != 0 }

  /// Gives fact `fact` the slot `slot`. Unlike `RuleBook.table(for:)`, nothing is checked: the
  /// caller gives a value index of a choice, 0 or 1 for a bool, a mask of a set's values, or
  /// an integer at least the fact's minimum.
  public mutating func set(_ fact: Int, slot: Int) {
    known |= 1 &<< UInt64(fact)
    slots[fact] = slot
  }

  /// Gives text fact `fact` the text `text`.
  public mutating func set(_ fact: Int, text: String) {
    known |= 1 &<< UInt64(fact)
    texts[fact] = text
  }

  /// Forgets every value, keeping the storage: the table is then equal to a new one.
  public mutating func removeAll() {
    known = 0
    for i in slots.indices { slots[i] = 0 }
    for i in texts.indices where texts[i] != nil { texts[i] = nil }
  }
}

/// Conditions compiled to a flat array of nodes over interned fact indices, so evaluation
/// does no string lookups and no allocation.
@usableFromInline
struct ConditionProgram: Sendable {
  @usableFromInline
  enum Op: UInt8, Sendable {
    case all, any, not
    case equals  // slot == a
    case equalsText  // texts[fact] == textPool[a]
    case inMask  // (1 << slot) & mask != 0
    case includesAny  // slot & mask != 0
    case includesAll  // slot & mask == mask
    case lessThan, atMost, greaterThan, atLeast  // slot ? a
    case between  // a <= slot <= b
    case known, unknown
  }

  @usableFromInline
  struct Node: Sendable {
    @usableFromInline var op: Op
    @usableFromInline var fact: Int32
    @usableFromInline var first: Int32
    @usableFromInline var count: Int32
    @usableFromInline var a: Int
    @usableFromInline var b: Int
    @usableFromInline var mask: UInt64
  }

  @usableFromInline var nodes: [Node] = []
  /// Children of `all` / `any` / `not` nodes, as node indices.
  @usableFromInline var children: [Int32] = []
  @usableFromInline var textPool: [String] = []
  /// The source leaf of each leaf node, for traces and "why not".
  var sources: [Condition.Leaf?] = []

  /// Evaluates node `index` against `table` with three-valued logic (the slow path, for
  /// traces; the evaluator runs a `Machine` over buffers it owns).
  func evaluate(_ index: Int, _ table: FactTable) -> Tri {
    nodes.withUnsafeBufferPointer { nodes in
      children.withUnsafeBufferPointer { children in
        table.slots.withUnsafeBufferPointer { slots in
          table.texts.withUnsafeBufferPointer { texts in
            textPool.withUnsafeBufferPointer { pool in
              Machine(nodes: nodes, children: children, pool: pool).run(index, slots, texts, table.known)
            }
          }
        }
      }
    }
  }
}

/// Runs compiled conditions over raw buffers: no reference counting, no allocation.
struct Machine {
  let nodes: UnsafeBufferPointer<ConditionProgram.Node>
  let children: UnsafeBufferPointer<Int32>
  let pool: UnsafeBufferPointer<String>

  func run(
    _ index: Int, _ slots: UnsafeBufferPointer<Int>, _ texts: UnsafeBufferPointer<String?>, _ known: UInt64
  ) -> Tri {
    let node = nodes[index]
    switch node.op {
    case .all:
      var sawUnknown = false
      var k = Int(node.first)
      let end = k + Int(node.count)
      while k < end {
        switch child(Int(children[k]), slots, texts, known) {
        case .false: return .false
        case .unknown: sawUnknown = true
        case .true: break
        }
        k += 1
      }
      return sawUnknown ? .unknown : .true
    case .any:
      var sawUnknown = false
      var k = Int(node.first)
      let end = k + Int(node.count)
      while k < end {
        switch child(Int(children[k]), slots, texts, known) {
        case .true: return .true
        case .unknown: sawUnknown = true
        case .false: break
        }
        k += 1
      }
      return sawUnknown ? .unknown : .false
    case .not:
      switch run(Int(children[Int(node.first)]), slots, texts, known) {
      case .true: return .false
      case .false: return .true
      case .unknown: return .unknown
      }
    default:
      return leaf(node, slots, texts, known)
    }
  }

  /// Node `index` under an `all` or `any`: a leaf is tested here, without a call.
  @inline(__always)
  private func child(
    _ index: Int, _ slots: UnsafeBufferPointer<Int>, _ texts: UnsafeBufferPointer<String?>, _ known: UInt64
  ) -> Tri {
    let node = nodes[index]
    switch node.op {
    case .all, .any, .not: return run(index, slots, texts, known)
    default: return leaf(node, slots, texts, known)
    }
  }

  /// A leaf node's result.
  @inline(__always)
  private func leaf(
    _ node: ConditionProgram.Node, _ slots: UnsafeBufferPointer<Int>, _ texts: UnsafeBufferPointer<String?>,
    _ known: UInt64
  ) -> Tri {
    switch node.op {
    case .known:
      return known & (1 &<< UInt64(node.fact)) != 0 ? .true : .false
    case .unknown:
      return known & (1 &<< UInt64(node.fact)) != 0 ? .false : .true
    default:
      guard known & (1 &<< UInt64(node.fact)) != 0 else { return .unknown }
      let v = slots[Int(node.fact)]
      let holds: Bool
      switch node.op {
      case .equals: holds = v == node.a
      case .equalsText: holds = texts[Int(node.fact)].map(TextFolding.fold) == pool[node.a]
      case .inMask: holds = v >= 0 && v < 64 && (1 &<< UInt64(v)) & node.mask != 0
      case .includesAny: holds = UInt64(truncatingIfNeeded: v) & node.mask != 0
      case .includesAll: holds = UInt64(truncatingIfNeeded: v) & node.mask == node.mask
      case .lessThan: holds = v < node.a
      case .atMost: holds = v <= node.a
      case .greaterThan: holds = v > node.a
      case .atLeast: holds = v >= node.a
      case .between: holds = v >= node.a && v <= node.b
      case .all, .any, .not, .known, .unknown: holds = false
      }
      return holds ? .true : .false
    }
  }

  /// The unknown facts that could still decide an undecided node: the unknown leaves of
  /// its undecided parts. Parts already decided (a failed branch of an `any`, a held part
  /// of an `all`) contribute nothing.
  func undecidedFacts(
    _ index: Int, _ slots: UnsafeBufferPointer<Int>, _ texts: UnsafeBufferPointer<String?>, _ known: UInt64
  ) -> UInt64 {
    let node = nodes[index]
    switch node.op {
    case .all, .any, .not:
      var facts: UInt64 = 0
      var k = Int(node.first)
      let end = k + Int(node.count)
      while k < end {
        let child = Int(children[k])
        if run(child, slots, texts, known) == .unknown { facts |= undecidedFacts(child, slots, texts, known) }
        k += 1
      }
      return facts
    case .known, .unknown:
      return 0
    default:
      return known & (1 &<< UInt64(node.fact)) == 0 ? 1 &<< UInt64(node.fact) : 0
    }
  }
}

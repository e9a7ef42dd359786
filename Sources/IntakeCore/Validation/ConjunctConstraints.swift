/// What a rule's top-level conjuncts require of each fact, for static checks: whether a rule
/// can ever hold, and whether two rules can hold together. Conservative: a constraint it
/// cannot read (a nested `not`, an `any` over several facts) is ignored, so "unsatisfiable" is
/// always certain. An `any` whose parts all test one choice or yes/no fact is read as the
/// union of what its parts allow (e.g. `state` unknown, or anything but `outside_us`).
struct ConjunctConstraints {
  struct Domain {
    /// Allowed choice or bool values, as a bit mask (bool: bit 0 false, bit 1 true).
    var allowed: UInt64 = ~0
    /// Set facts: bits that must be present, bits that must be absent, and groups of which
    /// at least one bit must be present.
    var required: UInt64 = 0
    var forbidden: UInt64 = 0
    var anyOf: [UInt64] = []
    var low = Int.min
    var high = Int.max
    var mustBeKnown = false
    var mustBeUnknown = false
    /// Values allowed should the fact be known (an `any` that also allows it unknown).
    var allowedIfKnown: UInt64 = ~0

    var satisfiable: Bool {
      if mustBeKnown && mustBeUnknown { return false }
      if mustBeUnknown { return true }
      if mustBeKnown && allowed & allowedIfKnown == 0 { return false }
      if allowed == 0 || low > high || required & forbidden != 0 { return false }
      return anyOf.allSatisfy { $0 & ~forbidden != 0 }
    }
  }

  var domains: [String: Domain] = [:]

  init(_ condition: Condition, facts: [String: FactDefinition]) {
    for conjunct in condition.conjuncts {
      switch conjunct {
      case .leaf(let leaf):
        add(leaf, negated: false, facts: facts)
      case .not(.leaf(let leaf), _):
        add(leaf, negated: true, facts: facts)
      case .any(let parts, _):
        addUnion(parts, facts: facts)
      default:
        continue
      }
    }
  }

  /// An `any` over one choice or bool fact: a known value must be one some part allows; the
  /// fact may stay unknown only if a part allows that.
  private mutating func addUnion(_ parts: [Condition], facts: [String: FactDefinition]) {
    var fact: String?
    var known: UInt64 = 0
    var unknownAllowed = false
    for part in parts {
      let leaf: Condition.Leaf
      switch part {
      case .leaf(let l), .not(.leaf(let l), _): leaf = l
      default: return
      }
      guard fact == nil || fact == leaf.fact, let kind = facts[leaf.fact]?.kind, kind == .choice || kind == .bool else { return }
      fact = leaf.fact
      let one = ConjunctConstraints(.all([part], nil), facts: facts).domains[leaf.fact] ?? Domain()
      if one.mustBeUnknown { unknownAllowed = true } else { known |= one.allowed }
    }
    guard let fact else { return }
    var domain = domains[fact] ?? Domain()
    domain.allowedIfKnown &= known
    if !unknownAllowed { domain.mustBeKnown = true }
    domains[fact] = domain
  }

  var satisfiable: Bool { domains.values.allSatisfy(\.satisfiable) }

  /// Whether both sets of constraints can hold for one request.
  func compatible(with other: ConjunctConstraints) -> Bool {
    var merged = self
    for (fact, domain) in other.domains {
      var mine = merged.domains[fact] ?? Domain()
      mine.allowed &= domain.allowed
      mine.allowedIfKnown &= domain.allowedIfKnown
      mine.required |= domain.required
      mine.forbidden |= domain.forbidden
      mine.anyOf += domain.anyOf
      mine.low = max(mine.low, domain.low)
      mine.high = min(mine.high, domain.high)
      mine.mustBeKnown = mine.mustBeKnown || domain.mustBeKnown
      mine.mustBeUnknown = mine.mustBeUnknown || domain.mustBeUnknown
      merged.domains[fact] = mine
    }
    return merged.satisfiable
  }

  private mutating func add(_ leaf: Condition.Leaf, negated: Bool, facts: [String: FactDefinition]) {
    guard let definition = facts[leaf.fact] else { return }
    var domain = domains[leaf.fact] ?? Domain()
    func mask(_ values: [String]) -> UInt64 {
      values.reduce(UInt64(0)) { m, v in definition.index(of: v).map { m | (1 &<< UInt64($0)) } ?? m }
    }
    switch (leaf.op, leaf.operand, negated) {
    case (.known, .bool(let flag), _), (.unknown, .bool(let flag), _):
      let wantsKnown = (leaf.op == .known) == flag
      if wantsKnown != negated { domain.mustBeKnown = true } else { domain.mustBeUnknown = true }
    case (.equals, .bool(let flag), false) where definition.kind == .bool:
      domain.allowed &= flag ? 0b10 : 0b01
      domain.mustBeKnown = true
    case (.equals, .values(let values), false) where definition.kind == .choice:
      domain.allowed &= mask(values)
      domain.mustBeKnown = true
    case (.equals, .values(let values), true) where definition.kind == .choice:
      domain.allowed &= ~mask(values)
    case (.in, .values(let values), false):
      domain.allowed &= mask(values)
      domain.mustBeKnown = true
    case (.in, .values(let values), true):
      domain.allowed &= ~mask(values)
    case (.includes, .values(let values), false), (.includesAll, .values(let values), false):
      domain.required |= mask(values)
      domain.mustBeKnown = true
    case (.includesAny, .values(let values), false):
      if values.count == 1 { domain.required |= mask(values) } else { domain.anyOf.append(mask(values)) }
      domain.mustBeKnown = true
    case (.includes, .values(let values), true), (.includesAny, .values(let values), true):
      domain.forbidden |= mask(values)
    case (.lessThan, .integers(let n), false):
      domain.high = min(domain.high, n[0] - 1)
      domain.mustBeKnown = true
    case (.atMost, .integers(let n), false):
      domain.high = min(domain.high, n[0])
      domain.mustBeKnown = true
    case (.greaterThan, .integers(let n), false):
      domain.low = max(domain.low, n[0] + 1)
      domain.mustBeKnown = true
    case (.atLeast, .integers(let n), false):
      domain.low = max(domain.low, n[0])
      domain.mustBeKnown = true
    case (.between, .integers(let n), false) where n.count == 2:
      domain.low = max(domain.low, n[0])
      domain.high = min(domain.high, n[1])
      domain.mustBeKnown = true
    case (.equals, .integers(let n), false) where definition.kind == .integer:
      domain.low = max(domain.low, n[0])
      domain.high = min(domain.high, n[0])
      domain.mustBeKnown = true
    default:
      break
    }
    if let minimum = definition.minimum, definition.kind == .integer { domain.low = max(domain.low, minimum) }
    domains[leaf.fact] = domain
  }
}

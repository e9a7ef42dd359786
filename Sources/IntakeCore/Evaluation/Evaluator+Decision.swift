extension Evaluator {
  /// Fills `decision` with what the last `evaluate` decided, leaving `possibilities` empty.
  /// Reads the evaluator's buffers directly and reuses the decision's arrays: nothing is
  /// allocated once they have grown.
  public func decide(into decision: inout Decision) {
    decision.services.removeAll(keepingCapacity: true)
    for s in 0..<book.services.count where weights[s] != .min { decision.services.append(s) }
    // Best weight first, then catalogue order (an insertion sort: a handful of services).
    for i in decision.services.indices.dropFirst() {
      let s = decision.services[i]
      var j = i
      while j > 0, weights[decision.services[j - 1]] < weights[s] {
        decision.services[j] = decision.services[j - 1]
        j -= 1
      }
      decision.services[j] = s
    }
    decision.referrals.removeAll(keepingCapacity: true)
    for i in 0..<book.referrals.count where refers(i) { decision.referrals.append(i) }

    // The action rules that held, in rule order (they are recorded in evaluation order).
    let actions = layout.actions
    decision.reasons.removeAll(keepingCapacity: true)
    for k in 0..<firedCount {
      let r = Int(fired[k])
      let reason = Decision.Reason(rule: actions.orders[r], target: actions.targets[r], isReferral: actions.isReferral[r])
      var j = decision.reasons.count
      decision.reasons.append(reason)
      while j > 0, decision.reasons[j - 1].rule > reason.rule {
        decision.reasons[j] = decision.reasons[j - 1]
        j -= 1
      }
      decision.reasons[j] = reason
    }

    derived(book.jurisdictionFact, into: &decision.jurisdiction)
    derived(book.jurisdictionBasisFact, into: &decision.jurisdictionBasis)
    derived(book.urgencyFact, into: &decision.urgency)
    decision.state = book.stateFact.flatMap { isKnown($0) ? slots[$0] : nil }
    decision.city = book.cityFact.flatMap { isKnown($0) ? texts[$0] : nil }
    decision.missing = missingMask
    decision.possibilities.removeAll(keepingCapacity: true)
  }

  /// Evaluates `input` and fills `decision` with its outcome and possibilities: for each fact
  /// of `missing` (fact indices; the decision's own missing facts when nil) still unknown, each
  /// value a rule tests it for is tried on its own, and a service such a value would add is a
  /// possibility. With `restoring`, the evaluator is left holding `input`'s result (for a
  /// trace); without it, its state is unspecified until the next `evaluate`, which saves one.
  public func decide(_ input: FactTable, missing: [Int]? = nil, restoring: Bool = true, into decision: inout Decision) {
    evaluate(input)
    decide(into: &decision)
    let changed: Bool
    switch (missing, book.services.count <= 63) {
    case (let missing?, true): changed = tryValues(of: missing, input, &decision)
    case (let missing?, false): changed = tryEvaluating(missing, input, &decision)
    case (nil, true): changed = tryValues(of: FactBits(decision.missing), input, &decision)
    case (nil, false): changed = tryEvaluating(FactBits(decision.missing), input, &decision)
    }
    if changed && restoring { evaluate(input) }
    // By service, each service's values in the order they were tried (a stable insertion sort).
    for i in decision.possibilities.indices.dropFirst() {
      let item = decision.possibilities[i]
      var j = i
      while j > 0, decision.possibilities[j - 1].service > item.service {
        decision.possibilities[j] = decision.possibilities[j - 1]
        j -= 1
      }
      decision.possibilities[j] = item
    }
  }

  /// Whether fact `f` is worth trying: unknown in `input`, and read by a service not recommended.
  func worthTrying(_ f: Int, _ input: FactTable, besides base: UInt64) -> Bool {
    f >= 0 && f < book.facts.count && !input.isKnown(f) && book.servicesReading[f] & ~base != 0
  }

  /// The possibilities, each value tried by evaluating the whole request again: for a book of
  /// more than 63 services, which the bit masks of `tryValues(of:_:_:)` cannot hold.
  /// Returns whether anything was evaluated.
  private func tryEvaluating(_ facts: some Sequence<Int>, _ input: FactTable, _ decision: inout Decision) -> Bool {
    var base: UInt64 = 0
    for s in decision.services where s < 63 { base |= 1 &<< UInt64(s) }
    var changed = false
    for f in facts where worthTrying(f, input, besides: base) {
      for slot in book.probeSlots[f] {
        changed = true
        evaluate(input, probe: (f, slot))
        for s in 0..<book.services.count where (s >= 63 || base & (1 &<< UInt64(s)) == 0) && recommends(s) {
          decision.possibilities.append(Decision.Possibility(service: s, fact: f, slot: slot))
        }
      }
    }
    return changed
  }

  @inline(__always) func isKnown(_ f: Int) -> Bool { known & (1 &<< UInt64(f)) != 0 }

  /// A derived fact's value and the derivations that gave it (none when no rule decided it).
  private func derived(_ fact: Int?, into derived: inout Decision.Derived) {
    derived.fact = fact
    derived.slot = nil
    derived.reasons.removeAll(keepingCapacity: true)
    guard let f = fact, isKnown(f) else { return }
    let value = slots[f]
    derived.slot = value
    let d = layout.derivations
    for k in 0..<firedDerivationCount {
      let i = Int(firedDerivations[k])
      var gives = false
      for c in d.choiceStart[i]..<d.choiceStart[i + 1] where d.choiceFacts[c] == f && d.choiceValues[c] == value { gives = true }
      for c in d.setStart[i]..<d.setStart[i + 1] where d.setFacts[c] == f { gives = true }
      if gives { derived.reasons.append(d.orders[i]) }
    }
  }
}

/// The facts of a mask (bit `f` for fact `f`), in fact order, without an array.
struct FactBits: Sequence, IteratorProtocol {
  var bits: UInt64

  init(_ bits: UInt64) { self.bits = bits }

  mutating func next() -> Int? {
    guard bits != 0 else { return nil }
    defer { bits &= bits - 1 }
    return bits.trailingZeroBitCount
  }
}

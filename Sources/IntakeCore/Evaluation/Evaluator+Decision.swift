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
    var base: UInt64 = 0
    for s in decision.services where s < 63 { base |= 1 &<< UInt64(s) }
    let baseKnown = known
    var probed = false
    withUnsafeTemporaryAllocation(of: Int.self, capacity: max(book.facts.count, 1)) { saved in
      // The derived values, put back after each value tried that derived them again.
      for f in 0..<book.facts.count { saved[f] = slots[f] }
      func tryValues(_ f: Int) {
        guard f >= 0, f < book.facts.count, !input.isKnown(f), book.servicesReading[f] & ~base != 0 else { return }
        for slot in book.probeSlots[f] {
          probed = true
          var found: UInt64 = 0
          if book.services.count <= 63 {
            found = services(withFact: f, at: slot, known: baseKnown, besides: base)
            var derived = layout.probeDerived[f]
            while derived != 0 {
              slots[derived.trailingZeroBitCount] = saved[derived.trailingZeroBitCount]
              derived &= derived - 1
            }
          } else {
            evaluate(input, probe: (f, slot))
          }
          for s in 0..<book.services.count where s >= 63 || base & (1 &<< UInt64(s)) == 0 {
            if book.services.count <= 63 ? found & (1 &<< UInt64(s)) != 0 : recommends(s) {
              decision.possibilities.append(Decision.Possibility(service: s, fact: f, slot: slot))
            }
          }
        }
        slots[f] = saved[f]
      }
      if let missing {
        for f in missing { tryValues(f) }
      } else {
        var bits = decision.missing
        while bits != 0 {
          tryValues(bits.trailingZeroBitCount)
          bits &= bits - 1
        }
      }
    }
    if probed && restoring { evaluate(input) }
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

  /// The services (bits; not those of `besides`) that the request last evaluated would be
  /// recommended with fact `f`, unknown in it, at `slot`: what evaluating it again with that
  /// value would give, but only rules whose result can depend on `f` are run again (a rule that
  /// does not read `f` gives what it gave, and gave no service outside `besides`), only those
  /// whose guard holds (as `act` runs them), and only when one of those is left, the derivations
  /// of the derived facts `f` can change. Leaves `f` and the derived facts with the values tried.
  private func services(withFact f: Int, at slot: Int, known baseKnown: UInt64, besides base: UInt64) -> UInt64 {
    slots[f] = slot
    var known = baseKnown | 1 &<< UInt64(f)
    let actions = layout.actions
    let setFacts = layout.setFacts
    let slots = UnsafeBufferPointer(self.slots)
    /// Whether rule `r` may hold: its service is not found yet and its guard (an input fact) holds.
    func candidate(_ r: Int, _ found: UInt64) -> Bool {
      guard (found | base) & (1 &<< UInt64(actions.targets[r])) == 0 else { return false }
      let g = actions.guardFacts[r]
      guard g >= 0 else { return true }
      guard known & (1 &<< UInt64(g)) != 0 else { return false }
      let value = slots[g]
      if setFacts & (1 &<< UInt64(g)) != 0 { return UInt64(truncatingIfNeeded: value) & actions.guardMasks[r] != 0 }
      return value >= 0 && value < 64 && (1 &<< UInt64(value)) & actions.guardMasks[r] != 0
    }
    let rules = layout.probeActions[f]
    guard rules.contains(where: { candidate($0, 0) }) else { return 0 }
    return texts.withUnsafeBufferPointer { texts in
      pool.withUnsafeBufferPointer { pool in
        let machine = Machine(nodes: UnsafeBufferPointer(nodes), children: UnsafeBufferPointer(children), pool: pool)
        let derived = layout.probeDerived[f]
        if derived != 0 {
          var run = Run(known: known, epoch: epoch)
          derive(&run, machine, slots, texts, only: derived)
          known = run.known
        }
        var found: UInt64 = 0
        for r in rules where candidate(r, found) && machine.run(actions.roots[r], slots, texts, known) == .true {
          found |= 1 &<< UInt64(actions.targets[r])
        }
        return found
      }
    }
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

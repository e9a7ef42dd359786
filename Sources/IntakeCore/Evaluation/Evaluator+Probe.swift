extension Evaluator {
  /// The possibilities of the request last evaluated (`input`), for a book of at most 63
  /// services: for each fact of `facts` worth trying, each value rules test it for, what
  /// evaluating the request again with that value would recommend beyond what it does — but
  /// without evaluating it again. A rule that does not read the fact, directly or through a
  /// derived fact, gives what it gave, and gave no service not recommended yet; so only the rules
  /// that read it are run, of those only the ones whose service is not recommended and whose
  /// guard holds (as `act` runs them), and of the derivations only those of the derived facts
  /// such a rule reads that the fact can change. Returns whether the evaluator's slots were
  /// changed (they hold the last values tried).
  func tryValues(of facts: some Sequence<Int>, _ input: FactTable, _ decision: inout Decision) -> Bool {
    var base: UInt64 = 0
    for s in decision.services { base |= 1 &<< UInt64(s) }
    let baseKnown = known
    let actions = layout.actions
    let factCount = book.facts.count
    var changed = false
    texts.withUnsafeBufferPointer { texts in
      pool.withUnsafeBufferPointer { pool in
        let machine = Machine(nodes: UnsafeBufferPointer(nodes), children: UnsafeBufferPointer(children), pool: pool)
        let slots = UnsafeBufferPointer(self.slots)
        /// Whether the guard of rule `r` on fact `g` holds with the slots as they are.
        func guardHolds(_ r: Int, _ g: Int) -> Bool {
          let value = slots[g]
          if layout.setFacts & (1 &<< UInt64(g)) != 0 { return UInt64(truncatingIfNeeded: value) & actions.guardMasks[r] != 0 }
          return value >= 0 && value < 64 && (1 &<< UInt64(value)) & actions.guardMasks[r] != 0
        }
        // The derivations' results for the request as it is, before values are tried.
        let derivationCount = book.derivations.count
        withUnsafeTemporaryAllocation(of: Tri.self, capacity: max(derivationCount, 1)) { results in
        for i in 0..<derivationCount { results[i] = derivationResults[i] }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: factCount + 2 * max(book.actions.count, 1)) { buffer in
          // The request's own slots, put back after each value; the rules worth running, and
          // whether each is false for the request as it is.
          let saved = UnsafeMutableBufferPointer(rebasing: buffer[0..<factCount])
          let candidates = UnsafeMutableBufferPointer(rebasing: buffer[factCount..<factCount + max(book.actions.count, 1)])
          let falseAlready = UnsafeMutableBufferPointer(rebasing: buffer[(factCount + max(book.actions.count, 1))...])
          for f in 0..<factCount { saved[f] = slots[f] }
          for f in facts where worthTrying(f, input, besides: base) {
            // Rules that could bring a service: not recommended yet, a guard that holds already
            // (one on another fact) or may (one on `f`), and not false already for a reason `f`
            // cannot undo. Three-valued logic is monotone: a rule false while `f` is unknown
            // stays false once it is known, unless it tests whether `f` is known or reads a
            // derived fact `f` can change.
            let bit = UInt64(1) &<< UInt64(f)
            var count = 0
            for r in layout.probeActions[f] where base & (1 &<< UInt64(actions.targets[r])) == 0 {
              let g = actions.guardFacts[r]
              if g >= 0 && g != f && (baseKnown & (1 &<< UInt64(g)) == 0 || !guardHolds(r, g)) { continue }
              let monotone = actions.absenceMasks[r] & bit == 0
              let isFalse = monotone && machine.run(actions.roots[r], slots, texts, baseKnown) == .false
              if isFalse && actions.factMasks[r] & layout.probeDerived[f] == 0 { continue }
              candidates[count] = r
              falseAlready[count] = isFalse ? 1 : 0
              count += 1
            }
            guard count > 0 else { continue }
            let known = baseKnown | 1 &<< UInt64(f)
            for slot in book.probeSlots[f] {
              changed = true
              self.slots[f] = slot
              var reads: UInt64 = 0
              for k in 0..<count where actions.guardFacts[candidates[k]] != f || guardHolds(candidates[k], f) {
                reads |= actions.factMasks[candidates[k]]
              }
              guard reads != 0 else { continue }
              // The derived facts those rules read that `f` can change, and what they come from.
              var derived: UInt64 = 0
              var needed = reads & layout.probeDerived[f]
              while needed != 0 {
                derived |= layout.derivedReads[needed.trailingZeroBitCount]
                needed &= needed - 1
              }
              derived &= layout.probeDerived[f]
              var run = Run(known: known, epoch: epoch)
              if derived != 0 { derive(&run, machine, slots, texts, only: derived, reuse: (results, bit)) }
              // The derived facts whose value this one changed: a rule false already that reads
              // none of them stays false.
              var changedFacts: UInt64 = 0
              var check = derived
              while check != 0 {
                let g = check.trailingZeroBitCount
                check &= check - 1
                let was = baseKnown & (1 &<< UInt64(g)) != 0
                if was != (run.known & (1 &<< UInt64(g)) != 0) || (was && slots[g] != saved[g]) { changedFacts |= 1 &<< UInt64(g) }
              }
              var found: UInt64 = 0
              for k in 0..<count {
                let r = candidates[k]
                let target = UInt64(1) &<< UInt64(actions.targets[r])
                if found & target != 0 || (actions.guardFacts[r] == f && !guardHolds(r, f)) { continue }
                if falseAlready[k] != 0 && actions.factMasks[r] & changedFacts == 0 { continue }
                if machine.run(actions.roots[r], slots, texts, run.known) == .true { found |= target }
              }
              while derived != 0 {
                let g = derived.trailingZeroBitCount
                self.slots[g] = saved[g]
                derived &= derived - 1
              }
              while found != 0 {
                decision.possibilities.append(Decision.Possibility(service: found.trailingZeroBitCount, fact: f, slot: slot))
                found &= found - 1
              }
            }
            self.slots[f] = saved[f]
          }
        }
        }
      }
    }
    return changed
  }
}

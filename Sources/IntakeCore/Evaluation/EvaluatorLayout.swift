extension Evaluator {
  /// The compiled rules as flat arrays of plain values, laid out once per evaluator so the
  /// hot loops read integers, not structures holding strings.
  struct Layout {
    struct Derivations {
      var roots: [Int] = []
      var priorities: [Int] = []
      var orders: [Int] = []
      /// The facts each rule derives (bits).
      var targetMasks: [UInt64] = []
      var factMasks: [UInt64] = []
      var absenceMasks: [UInt64] = []
      /// Rule `i`'s derived choices are `choiceFacts[choiceStart[i]..<choiceStart[i+1]]`.
      var choiceStart: [Int] = [0]
      var choiceFacts: [Int] = []
      var choiceValues: [Int] = []
      var setStart: [Int] = [0]
      var setFacts: [Int] = []
      var setMasks: [UInt64] = []
      /// Indexed by the value of the input fact their guard tests, so a request runs only the
      /// derivations whose guard holds.
      var index = GuardIndex([], factCount: 0)
      /// 64-bit words of a set of derivations.
      var words: Int { (roots.count + 63) / 64 }
    }

    /// The service rules to try for a missing fact (`Evaluator.tryValues`), indexed: per fact
    /// `f`, the rules that read it (directly or through a derived fact) and have no guard, and
    /// per guard fact `g`, those guarded by each value of `g`: rules guarded by a known fact are
    /// looked up by its value, rules guarded by `f` itself by the value tried.
    struct Probes {
      /// Per fact: the rules without a guard that read it.
      var unguarded: [[Int]] = []
      /// Per fact `f` and guard fact `g`: `block[f * factCount + g]`, -1 when no rule reading `f`
      /// is guarded by `g`. Block `b`'s rules for value bit `v` are
      /// `rules[start[b * 65 + v]..<start[b * 65 + v + 1]]`; `masks[b]` has the bits that have some.
      var block: [Int] = []
      var start: [Int] = []
      var rules: [Int] = []
      var masks: [UInt64] = []
      /// Per fact: the guard facts of the rules reading it (bits).
      var guards: [UInt64] = []
    }

    struct Actions {
      var roots: [Int] = []
      /// Each rule's index in `RuleBook.rules`.
      var orders: [Int] = []
      var factMasks: [UInt64] = []
      var absenceMasks: [UInt64] = []
      var isReferral: [Bool] = []
      var targets: [Int] = []
      var weights: [Int] = []
      /// Indexed by the value of the fact their guard tests.
      var index = GuardIndex([], factCount: 0)
    }

    var derivations = Derivations()
    var actions = Actions()
    var inputMask: UInt64
    var derivedMask: UInt64
    var setFacts: UInt64 = 0
    var textFacts: UInt64 = 0
    var stateMask: UInt64 = 0
    /// Per input fact: the action rules recommending a service whose result can depend on it,
    /// directly or through a derived fact (indexed by guard), and the derived facts whose value
    /// can (bits).
    var probes = Probes()
    var probeDerived: [UInt64] = []
    /// Per derived fact: itself and the derived facts its derivations read, directly or not
    /// (what must be derived again for its value).
    var derivedReads: [UInt64] = []

    /// Built once per rule book (`RuleBook.layout`), from its parts: every evaluator of the
    /// book shares it, so starting one (the interview does per answer) costs no rebuilding.
    init(
      facts: [FactDefinition], inputMask: UInt64, derivedMask: UInt64, stateFact: Int?,
      derivations bookDerivations: [CompiledRule], actions bookActions: [CompiledRule]
    ) {
      self.inputMask = inputMask
      self.derivedMask = derivedMask
      for (i, fact) in facts.enumerated() {
        if fact.kind == .set { setFacts |= 1 &<< UInt64(i) }
        if fact.kind == .text { textFacts |= 1 &<< UInt64(i) }
      }
      if let state = stateFact { stateMask = 1 &<< UInt64(state) }

      for rule in bookDerivations {
        derivations.roots.append(rule.root)
        derivations.priorities.append(rule.priority)
        derivations.orders.append(rule.order)
        derivations.factMasks.append(rule.factMask)
        derivations.absenceMasks.append(rule.absenceMask)
        if case .derive(let choices, let sets) = rule.effect {
          derivations.targetMasks.append((choices.map(\.fact) + sets.map(\.fact)).reduce(0) { $0 | 1 &<< UInt64($1) })
          derivations.choiceFacts += choices.map(\.fact)
          derivations.choiceValues += choices.map(\.value)
          derivations.setFacts += sets.map(\.fact)
          derivations.setMasks += sets.map(\.mask)
        }
        derivations.choiceStart.append(derivations.choiceFacts.count)
        derivations.setStart.append(derivations.setFacts.count)
      }

      let factCount = facts.count
      derivations.index = GuardIndex(bookDerivations, factCount: factCount)
      actions.index = GuardIndex(bookActions, factCount: factCount)
      for rule in bookActions {
        actions.roots.append(rule.root)
        actions.orders.append(rule.order)
        actions.factMasks.append(rule.factMask)
        actions.absenceMasks.append(rule.absenceMask)
        switch rule.effect {
        case .recommend(let service, let weight):
          actions.isReferral.append(false)
          actions.targets.append(service)
          actions.weights.append(weight)
        case .refer(let referral):
          actions.isReferral.append(true)
          actions.targets.append(referral)
          actions.weights.append(0)
        case .derive:
          actions.isReferral.append(false)
          actions.targets.append(0)
          actions.weights.append(0)
        }
      }

      // Which input facts each fact depends on: itself, and for a derived fact every fact its
      // derivations read (derivations are in dependency order, so one pass suffices).
      var dependsOn = (0..<factCount).map { UInt64(1) &<< UInt64($0) }
      func inputs(_ mask: UInt64) -> UInt64 {
        var reads: UInt64 = 0
        var bits = mask
        while bits != 0 {
          reads |= dependsOn[bits.trailingZeroBitCount]
          bits &= bits - 1
        }
        return reads
      }
      for rule in bookDerivations {
        guard case .derive(let choices, let sets) = rule.effect else { continue }
        let reads = inputs(rule.factMask)
        for f in choices.map(\.fact) + sets.map(\.fact) { dependsOn[f] |= reads }
      }
      derivedReads = (0..<factCount).map { UInt64(1) &<< UInt64($0) }
      for rule in bookDerivations {
        guard case .derive(let choices, let sets) = rule.effect else { continue }
        var reads: UInt64 = 0
        var bits = rule.factMask & derivedMask
        while bits != 0 {
          reads |= derivedReads[bits.trailingZeroBitCount]
          bits &= bits - 1
        }
        for f in choices.map(\.fact) + sets.map(\.fact) { derivedReads[f] |= reads }
      }
      probeDerived = Array(repeating: 0, count: factCount)
      for g in 0..<factCount where derivedMask & (1 &<< UInt64(g)) != 0 {
        var reads = dependsOn[g] & ~derivedMask
        while reads != 0 {
          probeDerived[reads.trailingZeroBitCount] |= 1 &<< UInt64(g)
          reads &= reads - 1
        }
      }
      probes.unguarded = Array(repeating: [], count: factCount)
      probes.guards = Array(repeating: 0, count: factCount)
      probes.block = Array(repeating: -1, count: factCount * factCount)
      var blocks: [[[Int]]] = []
      for (r, rule) in bookActions.enumerated() {
        guard case .recommend = rule.effect else { continue }
        for f in FactBits(inputs(rule.factMask)) {
          guard let g = rule.guardFact else {
            probes.unguarded[f].append(r)
            continue
          }
          probes.guards[f] |= 1 &<< UInt64(g)
          if probes.block[f * factCount + g] < 0 {
            probes.block[f * factCount + g] = blocks.count
            blocks.append(Array(repeating: [], count: 64))
          }
          for bit in FactBits(rule.guardMask) { blocks[probes.block[f * factCount + g]][bit].append(r) }
        }
      }
      for block in blocks {
        var mask: UInt64 = 0
        for (bit, rules) in block.enumerated() {
          probes.start.append(probes.rules.count)
          probes.rules += rules
          if !rules.isEmpty { mask |= 1 &<< UInt64(bit) }
        }
        probes.start.append(probes.rules.count)
        probes.masks.append(mask)
      }
    }
  }
}

extension Evaluator {
  /// The compiled rules as flat arrays of plain values, laid out once per evaluator so the
  /// hot loops read integers, not structures holding strings.
  struct Layout {
    struct Derivations {
      var roots: [Int] = []
      var priorities: [Int] = []
      var orders: [Int] = []
      var factMasks: [UInt64] = []
      var absenceMasks: [UInt64] = []
      /// Rule `i`'s derived choices are `choiceFacts[choiceStart[i]..<choiceStart[i+1]]`.
      var choiceStart: [Int] = [0]
      var choiceFacts: [Int] = []
      var choiceValues: [Int] = []
      var setStart: [Int] = [0]
      var setFacts: [Int] = []
      var setMasks: [UInt64] = []
    }

    struct Actions {
      var roots: [Int] = []
      var factMasks: [UInt64] = []
      var absenceMasks: [UInt64] = []
      var isReferral: [Bool] = []
      var targets: [Int] = []
      var weights: [Int] = []
      /// Rules guarded by value bit `b` of fact `f` are `bucketRules[bucketStart[f*64+b]..<bucketStart[f*64+b+1]]`.
      var bucketStart: [Int] = []
      var bucketRules: [Int] = []
      var bucketMasks: [UInt64] = []
      /// Every rule guarded by fact `f`, once: `groupRules[groupStart[f]..<groupStart[f+1]]`.
      var groupStart: [Int] = []
      var groupRules: [Int] = []
      var groupMasks: [UInt64] = []
      var unguarded: [Int] = []
    }

    var derivations = Derivations()
    var actions = Actions()
    var inputMask: UInt64
    var derivedMask: UInt64
    var setFacts: UInt64 = 0
    var textFacts: UInt64 = 0
    var guardFacts: UInt64 = 0
    var stateMask: UInt64 = 0

    init(_ book: RuleBook) {
      inputMask = book.inputMask
      derivedMask = book.derivedMask
      for (i, fact) in book.facts.enumerated() {
        if fact.kind == .set { setFacts |= 1 &<< UInt64(i) }
        if fact.kind == .text { textFacts |= 1 &<< UInt64(i) }
      }
      if let state = book.stateFact { stateMask = 1 &<< UInt64(state) }

      for rule in book.derivations {
        derivations.roots.append(rule.root)
        derivations.priorities.append(rule.priority)
        derivations.orders.append(rule.order)
        derivations.factMasks.append(rule.factMask)
        derivations.absenceMasks.append(rule.absenceMask)
        if case .derive(let choices, let sets) = rule.effect {
          derivations.choiceFacts += choices.map(\.fact)
          derivations.choiceValues += choices.map(\.value)
          derivations.setFacts += sets.map(\.fact)
          derivations.setMasks += sets.map(\.mask)
        }
        derivations.choiceStart.append(derivations.choiceFacts.count)
        derivations.setStart.append(derivations.setFacts.count)
      }

      let factCount = book.facts.count
      actions.bucketMasks = book.bucketMasks
      actions.groupMasks = book.guardGroupMasks
      for rule in book.actions {
        actions.roots.append(rule.root)
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
      for f in 0..<factCount {
        for b in 0..<64 {
          actions.bucketStart.append(actions.bucketRules.count)
          actions.bucketRules += book.buckets[f][b].map(Int.init)
        }
        actions.groupStart.append(actions.groupRules.count)
        actions.groupRules += book.guardGroups[f].map(Int.init)
        if !book.guardGroups[f].isEmpty { guardFacts |= 1 &<< UInt64(f) }
      }
      actions.bucketStart.append(actions.bucketRules.count)
      actions.groupStart.append(actions.groupRules.count)
      actions.unguarded = book.unguarded.map(Int.init)
    }
  }
}

/// Resolves a `RuleSet` into a `RuleBook`, reporting every reference it cannot resolve
/// (unknown fact, value, service or referral; an operator on the wrong kind of fact; a
/// derivation cycle) as a diagnostic instead of stopping at the first.
struct RuleBookCompiler {
  let ruleSet: RuleSet
  var diagnostics: [Diagnostic] = []
  var program = ConditionProgram()
  var factIndex: [String: Int] = [:]

  init(ruleSet: RuleSet) {
    self.ruleSet = ruleSet
  }

  mutating func compile() -> (RuleBook?, [Diagnostic]) {
    let fallback = SourceLocation(file: "Rules/facts.yaml", line: 1, column: 1)
    if ruleSet.facts.count > RuleBook.maximumFacts {
      diagnostics.append(
        Diagnostic(
          .error, .tooManyFacts, at: ruleSet.facts[RuleBook.maximumFacts].location ?? fallback,
          ["count": String(ruleSet.facts.count), "limit": String(RuleBook.maximumFacts)]))
      return (nil, diagnostics)
    }
    for (i, fact) in ruleSet.facts.enumerated() where factIndex[fact.id] == nil {
      factIndex[fact.id] = i
      if fact.values.count > 64, fact.kind == .set || fact.kind == .choice {
        diagnostics.append(
          Diagnostic(
            .error, .tooManyValues, at: fact.location ?? fallback,
            ["fact": fact.id, "count": String(fact.values.count), "limit": "64"]))
      }
    }
    let serviceIndex = Dictionary(
      ruleSet.services.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    let referralIndex = Dictionary(
      ruleSet.referrals.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

    var derivations: [CompiledRule] = []
    var actions: [CompiledRule] = []
    for (order, rule) in ruleSet.rules.enumerated() {
      let errorsBefore = diagnostics.count
      let root = compileCondition(rule.condition, rule: rule)
      let effect: CompiledRule.Effect
      switch rule.action {
      case .derive(let pairs):
        var choices: [(fact: Int, value: Int)] = []
        var sets: [(fact: Int, mask: UInt64)] = []
        for pair in pairs {
          guard let f = resolveFact(pair.fact, rule: rule, at: rule.location) else { continue }
          let definition = ruleSet.facts[f]
          if !definition.derived {
            report(.deriveInputFact, rule.location, ["rule": rule.id, "fact": pair.fact])
            continue
          }
          switch definition.kind {
          case .choice:
            guard pair.values.count == 1, let v = resolveValue(pair.values[0], of: definition, at: rule.location)
            else {
              if pair.values.count != 1 {
                report(.deriveOneValue, rule.location, ["rule": rule.id, "fact": pair.fact])
              }
              continue
            }
            choices.append((f, v))
          case .set:
            var mask: UInt64 = 0
            for value in pair.values {
              if let v = resolveValue(value, of: definition, at: rule.location) { mask |= 1 &<< UInt64(v) }
            }
            sets.append((f, mask))
          case .bool, .integer, .text:
            report(.deriveKind, rule.location, ["rule": rule.id, "fact": pair.fact, "kind": definition.kind.rawValue])
          }
        }
        effect = .derive(choices: choices, sets: sets)
      case .recommend(let service, let weight):
        guard let s = serviceIndex[service] else {
          report(
            .unknownService, rule.location,
            ["service": service, "rule": rule.id, "expected": ruleSet.services.map(\.id).joined(separator: ", ")])
          continue
        }
        effect = .recommend(service: s, weight: weight)
      case .refer(let referral):
        guard let r = referralIndex[referral] else {
          report(
            .unknownReferral, rule.location,
            ["referral": referral, "rule": rule.id, "expected": ruleSet.referrals.map(\.id).joined(separator: ", ")])
          continue
        }
        effect = .refer(referral: r)
      }
      guard diagnostics.count == errorsBefore, let root else { continue }
      var compiled = CompiledRule(
        id: rule.id, order: order, root: root, effect: effect, priority: rule.priority,
        factMask: factMask(of: rule.condition), guardFact: nil, guardMask: 0, source: rule)
      compiled.absenceMask = factMask(of: rule.condition) { $0.op == .known || $0.op == .unknown }
      (compiled.guardFact, compiled.guardMask) = guardLeaf(of: rule.condition)
      if case .derive = effect {
        derivations.append(compiled)
      } else {
        actions.append(compiled)
      }
    }
    var questionFacts: [Int] = []
    var questionConditions: [Int?] = []
    for question in ruleSet.questions {
      let host = Rule(id: "question \(question.id)", condition: .all([], nil), action: .refer(referral: ""), location: question.location)
      guard let f = resolveFact(question.fact, rule: host, at: question.location) else { continue }
      if ruleSet.facts[f].derived {
        report(.questionDerivedFact, question.location, ["question": question.id, "fact": question.fact])
      }
      questionFacts.append(f)
      questionConditions.append(question.askIf.flatMap { compileCondition($0, rule: host) })
    }
    guard let ordered = orderDerivations(derivations) else { return (nil, diagnostics) }
    if diagnostics.hasErrors { return (nil, diagnostics) }
    let book = RuleBook(
      ruleSet: ruleSet, factIndex: factIndex, program: program, derivations: ordered,
      actions: actions, stateFact: factIndex["state"], questionFacts: questionFacts,
      questionConditions: questionConditions)
    return (book, diagnostics)
  }

  // MARK: Conditions

  private mutating func compileCondition(_ condition: Condition, rule: Rule) -> Int? {
    switch condition {
    case .all(let children, _), .any(let children, _):
      let compiled = children.compactMap { compileCondition($0, rule: rule) }
      guard compiled.count == children.count else { return nil }
      let first = program.children.count
      program.children.append(contentsOf: compiled.map { Int32($0) })
      let op: ConditionProgram.Op
      if case .all = condition { op = .all } else { op = .any }
      return append(.init(op: op, fact: 0, first: Int32(first), count: Int32(compiled.count), a: 0, b: 0, mask: 0), nil)
    case .not(let child, _):
      guard let compiled = compileCondition(child, rule: rule) else { return nil }
      let first = program.children.count
      program.children.append(Int32(compiled))
      return append(.init(op: .not, fact: 0, first: Int32(first), count: 1, a: 0, b: 0, mask: 0), nil)
    case .leaf(let leaf):
      return compileLeaf(leaf, rule: rule)
    }
  }

  private mutating func append(_ node: ConditionProgram.Node, _ source: Condition.Leaf?) -> Int {
    program.nodes.append(node)
    program.sources.append(source)
    return program.nodes.count - 1
  }

  private mutating func compileLeaf(_ leaf: Condition.Leaf, rule: Rule) -> Int? {
    guard let f = resolveFact(leaf.fact, rule: rule, at: leaf.location ?? rule.location) else { return nil }
    let definition = ruleSet.facts[f]
    let at = leaf.location ?? rule.location
    guard leaf.op.kinds.contains(definition.kind) else {
      report(
        .operatorKind, at,
        [
          "operator": leaf.op.rawValue, "fact": leaf.fact, "kind": definition.kind.rawValue,
          "expected": leaf.op.kinds.map(\.rawValue).sorted().joined(separator: ", "),
        ])
      return nil
    }
    var node = ConditionProgram.Node(op: .known, fact: Int32(f), first: 0, count: 0, a: 0, b: 0, mask: 0)
    func operandError(_ expected: String) -> Int? {
      report(.operand, at, ["operator": leaf.op.rawValue, "fact": leaf.fact, "expected": expected])
      return nil
    }
    switch (leaf.op, leaf.operand) {
    case (.known, .bool(let flag)), (.unknown, .bool(let flag)):
      node.op = (leaf.op == .known) == flag ? .known : .unknown
    case (.known, _), (.unknown, _):
      return operandError("true")
    case (.equals, _) where definition.kind == .bool:
      guard case .bool(let flag) = leaf.operand else { return operandError("true or false") }
      node.op = .equals
      node.a = flag ? 1 : 0
    case (.equals, .integers(let numbers)) where definition.kind == .integer && numbers.count == 1:
      node.op = .equals
      node.a = numbers[0]
    case (.equals, .values(let values)) where definition.kind == .text && values.count == 1:
      node.op = .equalsText
      node.a = program.textPool.count
      program.textPool.append(TextFolding.fold(values[0]))
    case (.equals, .values(let values)) where definition.kind == .choice && values.count == 1:
      guard let v = resolveValue(values[0], of: definition, at: at) else { return nil }
      node.op = .equals
      node.a = v
    case (.equals, .values(let values)) where definition.kind == .set:
      node.op = .equals
      guard let mask = resolveMask(values, of: definition, at: at) else { return nil }
      node.a = Int(truncatingIfNeeded: mask)
    case (.in, .values(let values)):
      node.op = .inMask
      guard let mask = resolveMask(values, of: definition, at: at) else { return nil }
      node.mask = mask
    case (.includes, .values(let values)) where values.count == 1,
      (.includesAny, .values(let values)), (.includesAll, .values(let values)):
      node.op = leaf.op == .includesAll ? .includesAll : .includesAny
      guard let mask = resolveMask(values, of: definition, at: at) else { return nil }
      node.mask = mask
    case (.lessThan, .integers(let n)) where n.count == 1,
      (.atMost, .integers(let n)) where n.count == 1,
      (.greaterThan, .integers(let n)) where n.count == 1,
      (.atLeast, .integers(let n)) where n.count == 1:
      switch leaf.op {
      case .lessThan: node.op = .lessThan
      case .atMost: node.op = .atMost
      case .greaterThan: node.op = .greaterThan
      default: node.op = .atLeast
      }
      node.a = n[0]
    case (.between, .integers(let n)) where n.count == 2:
      node.op = .between
      node.a = n[0]
      node.b = n[1]
      if n[0] > n[1] {
        report(.betweenOrder, at, ["fact": leaf.fact, "low": String(n[0]), "high": String(n[1])])
        return nil
      }
    case (.includes, _): return operandError("one value")
    case (.between, _): return operandError("[low, high]")
    case (.lessThan, _), (.atMost, _), (.greaterThan, _), (.atLeast, _): return operandError("a whole number")
    case (.equals, _):
      switch definition.kind {
      case .integer: return operandError("a whole number")
      case .set: return operandError("a list of values")
      default: return operandError("one value")
      }
    case (.in, _), (.includesAny, _), (.includesAll, _): return operandError("a list of values")
    }
    return append(node, leaf)
  }

  private func factMask(of condition: Condition, where include: (Condition.Leaf) -> Bool = { _ in true }) -> UInt64 {
    condition.leaves.reduce(UInt64(0)) { mask, leaf in
      guard include(leaf), let f = factIndex[leaf.fact] else { return mask }
      return mask | (1 &<< UInt64(f))
    }
  }

  /// The first top-level conjunct that requires a choice, bool or set fact to have one of
  /// some values: the rule cannot hold for a request whose value misses the mask.
  private func guardLeaf(of condition: Condition) -> (Int?, UInt64) {
    for conjunct in condition.conjuncts {
      guard case .leaf(let leaf) = conjunct, let f = factIndex[leaf.fact] else { continue }
      let definition = ruleSet.facts[f]
      if definition.derived { continue }
      switch (leaf.op, leaf.operand, definition.kind) {
      case (.equals, .bool(let flag), .bool):
        return (f, flag ? 0b10 : 0b01)
      case (.equals, .values(let values), .choice), (.in, .values(let values), .choice),
        (.includes, .values(let values), .set), (.includesAny, .values(let values), .set):
        let mask = values.reduce(UInt64(0)) { m, v in
          definition.index(of: v).map { m | (1 &<< UInt64($0)) } ?? m
        }
        return (f, mask)
      case (.includesAll, .values(let values), .set):
        guard let first = values.first, let v = definition.index(of: first) else { continue }
        return (f, 1 &<< UInt64(v))
      default:
        continue
      }
    }
    return (nil, 0)
  }

  /// Orders derivation rules so that every rule reading a derived fact runs after all the
  /// rules deriving it; nil (with a diagnostic) when derived facts depend on each other.
  private mutating func orderDerivations(_ rules: [CompiledRule]) -> [CompiledRule]? {
    var level = Array(repeating: 0, count: rules.count)
    var factLevel = [Int: Int]()
    for _ in 0...rules.count {
      var changed = false
      for (i, rule) in rules.enumerated() {
        var needed = 0
        var bits = rule.factMask
        while bits != 0 {
          let f = bits.trailingZeroBitCount
          bits &= bits - 1
          if let l = factLevel[f] { needed = max(needed, l + 1) }
        }
        if needed != level[i] {
          level[i] = needed
          changed = true
        }
        if case .derive(let choices, let sets) = rule.effect {
          for f in choices.map(\.fact) + sets.map(\.fact) where (factLevel[f] ?? -1) < level[i] {
            factLevel[f] = level[i]
            changed = true
          }
        }
      }
      if !changed {
        return rules.enumerated().sorted { (level[$0.offset], $0.offset) < (level[$1.offset], $1.offset) }
          .map(\.element)
      }
      if level.contains(where: { $0 > rules.count }) { break }
    }
    let cyclic = rules.enumerated().filter { level[$0.offset] >= rules.count }.map(\.element)
    for rule in cyclic.isEmpty ? rules : cyclic {
      report(.derivationCycle, rule.source.location, ["rule": rule.id])
    }
    return nil
  }

  // MARK: References

  private mutating func resolveFact(_ id: String, rule: Rule, at location: SourceLocation?) -> Int? {
    if let f = factIndex[id] { return f }
    report(
      .unknownFact, location,
      ["fact": id, "rule": rule.id, "suggestion": Suggestion.nearest(to: id, in: ruleSet.facts.map(\.id)) ?? ""])
    return nil
  }

  private mutating func resolveValue(_ value: String, of fact: FactDefinition, at location: SourceLocation?) -> Int? {
    if let v = fact.index(of: value) { return v }
    report(
      .unknownValue, location,
      [
        "fact": fact.id, "value": value, "expected": fact.values.joined(separator: ", "),
        "suggestion": Suggestion.nearest(to: value, in: fact.values) ?? "",
      ])
    return nil
  }

  private mutating func resolveMask(_ values: [String], of fact: FactDefinition, at location: SourceLocation?) -> UInt64? {
    var mask: UInt64 = 0
    var ok = true
    for value in values {
      if let v = resolveValue(value, of: fact, at: location) { mask |= 1 &<< UInt64(v) } else { ok = false }
    }
    return ok ? mask : nil
  }

  private mutating func report(_ code: DiagnosticCode, _ location: SourceLocation?, _ arguments: [String: String]) {
    diagnostics.append(
      Diagnostic(.error, code, at: location ?? SourceLocation(file: "Rules", line: 1, column: 1), arguments))
  }
}

import IntakeCore

/// The loaded rules, texts and lexicon in the cache's binary form. Source positions are not
/// kept: the cache is used only for data that loaded without errors, and `check` never
/// reads it.
enum IntakeDataCodec {
  /// Changes whenever the layout below changes, so an old cache is never misread.
  static let format = 14
  /// The deepest condition read back (the YAML allows far less nesting than this).
  static let maximumConditionDepth = 200

  // MARK: Writing

  static func encode(_ ruleSet: RuleSet, _ catalog: MessageCatalog, _ lexicon: Lexicon) -> [UInt8] {
    var w = BinaryWriter()
    w.int(format)
    w.string(ruleSet.version)
    w.int(ruleSet.facts.count)
    for fact in ruleSet.facts {
      w.string(fact.id)
      w.string(fact.kind.rawValue)
      w.strings(fact.values)
      w.bool(fact.derived)
      w.optional(fact.defaultValue)
      w.bool(fact.minimum != nil)
      w.int(fact.minimum ?? 0)
    }
    w.int(ruleSet.services.count)
    for service in ruleSet.services { w.strings([service.id, service.kind, service.source]) }
    w.int(ruleSet.referrals.count)
    for referral in ruleSet.referrals {
      w.strings([referral.id, referral.contact, referral.source])
      w.bool(referral.usOnly)
    }
    w.int(ruleSet.rules.count)
    for rule in ruleSet.rules {
      w.string(rule.id)
      condition(rule.condition, &w)
      switch rule.action {
      case .derive(let pairs):
        w.int(0)
        w.int(pairs.count)
        for pair in pairs {
          w.string(pair.fact)
          w.strings(pair.values)
        }
      case .recommend(let service, let weight):
        w.int(1)
        w.string(service)
        w.int(weight)
      case .refer(let referral):
        w.int(2)
        w.string(referral)
      }
      w.int(rule.priority)
    }
    let offices = ruleSet.offices
    w.strings([offices.asOf, offices.source, offices.nationalOffice, offices.nationalEmail, offices.nationalPhone])
    w.int(offices.regions.count)
    for region in offices.regions { w.strings([region.id, region.source]) }
    w.int(offices.offices.count)
    for office in offices.offices {
      w.strings([office.id, office.kind, office.region, office.city, office.address, office.phone, office.email, office.source])
      w.bool(office.confirmed)
    }
    w.int(offices.states.count)
    for route in offices.states {
      w.strings([route.state, route.region, route.office, route.asOf, route.source])
      w.optional(route.fieldOffice)
      w.bool(route.confirmed)
    }
    w.int(offices.countyRoutes.count)
    for split in offices.countyRoutes {
      w.strings([split.state, split.fieldOffice, split.source])
      w.bool(split.confirmed)
      w.strings(split.counties)
    }
    w.int(offices.cities.count)
    for list in offices.cities {
      w.strings([list.state, list.source])
      w.int(list.byCounty.count)
      for (county, cities) in list.byCounty {
        w.string(county)
        w.strings(cities)
      }
    }
    w.int(ruleSet.questions.count)
    for question in ruleSet.questions {
      w.string(question.id)
      w.string(question.fact)
      w.bool(question.always)
      w.bool(question.askIf != nil)
      if let askIf = question.askIf { condition(askIf, &w) }
    }
    for language in Language.allCases {
      let texts = catalog.texts[language] ?? [:]
      w.int(texts.count)
      for (key, text) in texts.sorted(by: { $0.key < $1.key }) {
        w.string(key)
        w.string(text)
      }
      let lists = catalog.lists[language] ?? [:]
      w.int(lists.count)
      for (key, list) in lists.sorted(by: { $0.key < $1.key }) {
        w.string(key)
        w.strings(list)
      }
    }
    w.strings(lexicon.negation)
    w.strings(lexicon.negationAccented)
    w.strings(lexicon.past)
    w.strings(lexicon.future)
    w.strings(lexicon.ahead)
    w.strings(lexicon.ago)
    w.strings(lexicon.present)
    w.strings(lexicon.hypothetical)
    w.strings(lexicon.reported)
    w.strings(lexicon.elsewhere)
    w.strings(lexicon.policePronouns)
    w.strings(lexicon.pronounLeads)
    w.strings(lexicon.policeNames)
    w.int(lexicon.entries.count)
    for entry in lexicon.entries {
      w.string(entry.id)
      w.strings(entry.phrases)
      w.strings(entry.accented)
      w.strings(entry.quoted)
      w.strings(entry.clears)
      w.facts(entry.set)
      for reading in [entry.past, entry.future] {
        w.bool(reading != nil)
        if let reading { w.facts(reading) }
      }
    }
    w.int(lexicon.stateSpellings.count)
    for (code, names) in lexicon.stateSpellings.sorted(by: { $0.key < $1.key }) {
      w.string(code)
      w.strings(names)
    }
    w.int(lexicon.cities.count)
    for city in lexicon.cities {
      w.strings(city.names)
      w.string(city.city)
      w.string(city.state)
    }
    w.int(lexicon.implications.count)
    for implication in lexicon.implications {
      w.int(implication.when.count)
      for (fact, value) in implication.when.sorted(by: { $0.key < $1.key }) {
        w.string(fact)
        w.bool(value != nil)
        if let value { w.facts([fact: value]) }
      }
      w.facts(implication.add)
    }
    w.strings(lexicon.everyday)
    for table in [lexicon.spellings, lexicon.towns] {
      w.int(table.count)
      for (key, values) in table.sorted(by: { $0.key < $1.key }) {
        w.string(key)
        w.strings(values)
      }
    }
    w.int(lexicon.townStates.count)
    for (name, code) in lexicon.townStates.sorted(by: { $0.key < $1.key }) {
      w.string(name)
      w.string(code)
    }
    return w.bytes
  }

  private static func condition(_ condition: Condition, _ w: inout BinaryWriter) {
    switch condition {
    case .all(let children, _), .any(let children, _):
      if case .all = condition { w.int(0) } else { w.int(1) }
      w.int(children.count)
      for child in children { self.condition(child, &w) }
    case .not(let child, _):
      w.int(2)
      self.condition(child, &w)
    case .leaf(let leaf):
      w.int(3)
      w.string(leaf.fact)
      w.string(leaf.op.rawValue)
      switch leaf.operand {
      case .none: w.int(0)
      case .values(let values):
        w.int(1)
        w.strings(values)
      case .bool(let flag):
        w.int(2)
        w.bool(flag)
      case .integers(let numbers):
        w.int(3)
        w.int(numbers.count)
        for n in numbers { w.int(n) }
      }
    }
  }

  // MARK: Reading

  static func decode(_ bytes: [UInt8]) throws(BinaryReader.Corrupt) -> (RuleSet, MessageCatalog, Lexicon) {
    var r = BinaryReader(bytes)
    guard try r.int() == format else { throw BinaryReader.Corrupt() }
    var ruleSet = RuleSet()
    ruleSet.version = try r.string()
    for _ in 0..<(try r.count()) {
      let id = try r.string()
      guard let kind = FactDefinition.Kind(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
      let values = try r.strings()
      let derived = try r.bool()
      let defaultValue = try r.optional()
      let hasMinimum = try r.bool()
      let minimum = try r.int()
      ruleSet.facts.append(
        FactDefinition(
          id: id, kind: kind, values: values, derived: derived, defaultValue: defaultValue, minimum: hasMinimum ? minimum : nil))
    }
    for _ in 0..<(try r.count()) {
      let s = try r.strings()
      guard s.count == 3 else { throw BinaryReader.Corrupt() }
      ruleSet.services.append(ServiceDefinition(id: s[0], kind: s[1], source: s[2]))
    }
    for _ in 0..<(try r.count()) {
      let s = try r.strings()
      guard s.count == 3 else { throw BinaryReader.Corrupt() }
      ruleSet.referrals.append(ReferralDefinition(id: s[0], contact: s[1], source: s[2], usOnly: try r.bool()))
    }
    for _ in 0..<(try r.count()) {
      let id = try r.string()
      let when = try condition(&r, depth: 0)
      let action: Rule.Action
      switch try r.int() {
      case 0:
        var pairs: [(fact: String, values: [String])] = []
        for _ in 0..<(try r.count()) { pairs.append((try r.string(), try r.strings())) }
        action = .derive(pairs)
      case 1: action = .recommend(service: try r.string(), weight: try r.int())
      case 2: action = .refer(referral: try r.string())
      default: throw BinaryReader.Corrupt()
      }
      ruleSet.rules.append(Rule(id: id, condition: when, action: action, priority: try r.int()))
    }
    let head = try r.strings()
    guard head.count == 5 else { throw BinaryReader.Corrupt() }
    var offices = OfficeDirectory(asOf: head[0], source: head[1], nationalOffice: head[2], nationalEmail: head[3], nationalPhone: head[4])
    for _ in 0..<(try r.count()) {
      let s = try r.strings()
      guard s.count == 2 else { throw BinaryReader.Corrupt() }
      offices.regions.append(.init(id: s[0], source: s[1]))
    }
    for _ in 0..<(try r.count()) {
      let s = try r.strings()
      guard s.count == 8 else { throw BinaryReader.Corrupt() }
      offices.offices.append(
        .init(
          id: s[0], kind: s[1], region: s[2], city: s[3], address: s[4], phone: s[5], email: s[6], source: s[7], confirmed: try r.bool()))
    }
    for _ in 0..<(try r.count()) {
      let s = try r.strings()
      guard s.count == 5 else { throw BinaryReader.Corrupt() }
      let field = try r.optional()
      offices.states.append(
        .init(state: s[0], region: s[1], office: s[2], fieldOffice: field, asOf: s[3], source: s[4], confirmed: try r.bool()))
    }
    for _ in 0..<(try r.count()) {
      let s = try r.strings()
      guard s.count == 3 else { throw BinaryReader.Corrupt() }
      let confirmed = try r.bool()
      offices.countyRoutes.append(.init(state: s[0], fieldOffice: s[1], counties: try r.strings(), source: s[2], confirmed: confirmed))
    }
    for _ in 0..<(try r.count()) {
      let s = try r.strings()
      guard s.count == 2 else { throw BinaryReader.Corrupt() }
      var byCounty: [(county: String, cities: [String])] = []
      for _ in 0..<(try r.count()) { byCounty.append((try r.string(), try r.strings())) }
      offices.cities.append(.init(state: s[0], source: s[1], byCounty: byCounty))
    }
    ruleSet.offices = offices
    for _ in 0..<(try r.count()) {
      let id = try r.string()
      let fact = try r.string()
      let always = try r.bool()
      let askIf = try r.bool() ? try condition(&r, depth: 0) : nil
      ruleSet.questions.append(Question(id: id, fact: fact, askIf: askIf, always: always))
    }
    var catalog = MessageCatalog()
    for language in Language.allCases {
      var texts: [String: String] = [:]
      let textCount = try r.count()
      texts.reserveCapacity(textCount)
      for _ in 0..<textCount {
        let key = try r.string()
        texts[key] = try r.string()
      }
      var lists: [String: [String]] = [:]
      for _ in 0..<(try r.count()) {
        let key = try r.string()
        lists[key] = try r.strings()
      }
      catalog.texts[language] = texts
      catalog.lists[language] = lists
    }
    let negation = try r.strings()
    let negationAccented = try r.strings()
    var lexicon = Lexicon(negation: negation, past: try r.strings(), future: try r.strings())
    lexicon.negationAccented = negationAccented
    lexicon.ahead = try r.strings()
    lexicon.ago = try r.strings()
    lexicon.present = try r.strings()
    lexicon.hypothetical = try r.strings()
    lexicon.reported = try r.strings()
    lexicon.elsewhere = try r.strings()
    lexicon.policePronouns = try r.strings()
    lexicon.pronounLeads = try r.strings()
    lexicon.policeNames = try r.strings()
    for _ in 0..<(try r.count()) {
      let id = try r.string()
      let phrases = try r.strings()
      let accented = try r.strings()
      let quoted = try r.strings()
      let clears = try r.strings()
      let set = try r.facts()
      let past = try r.bool() ? try r.facts() : nil
      let future = try r.bool() ? try r.facts() : nil
      var entry = Lexicon.Entry(id: id, phrases: phrases, set: set, past: past, future: future)
      entry.accented = accented
      entry.quoted = quoted
      entry.clears = clears
      lexicon.entries.append(entry)
    }
    for _ in 0..<(try r.count()) {
      let code = try r.string()
      lexicon.stateSpellings[code] = try r.strings()
    }
    for _ in 0..<(try r.count()) {
      lexicon.cities.append(Lexicon.City(names: try r.strings(), city: try r.string(), state: try r.string()))
    }
    for _ in 0..<(try r.count()) {
      var when: [String: FactValue?] = [:]
      for _ in 0..<(try r.count()) {
        let fact = try r.string()
        if try r.bool() {
          guard let value = try r.facts()[fact] else { throw BinaryReader.Corrupt() }
          when[fact] = .some(value)
        } else {
          when[fact] = .some(nil)
        }
      }
      lexicon.implications.append(Lexicon.Implication(when: when, add: try r.facts()))
    }
    lexicon.everyday = try r.strings()
    for _ in 0..<(try r.count()) {
      let word = try r.string()
      lexicon.spellings[word] = try r.strings()
    }
    for _ in 0..<(try r.count()) {
      let code = try r.string()
      lexicon.towns[code] = try r.strings()
    }
    for _ in 0..<(try r.count()) {
      let name = try r.string()
      lexicon.townStates[name] = try r.string()
    }
    guard r.offset == bytes.count else { throw BinaryReader.Corrupt() }
    return (ruleSet, catalog, lexicon)
  }

  /// One condition; nesting deeper than `maximumConditionDepth` is corrupt, so a crafted
  /// file cannot exhaust the stack.
  private static func condition(_ r: inout BinaryReader, depth: Int) throws(BinaryReader.Corrupt) -> Condition {
    guard depth < maximumConditionDepth else { throw BinaryReader.Corrupt() }
    let tag = try r.int()
    switch tag {
    case 0, 1:
      var children: [Condition] = []
      for _ in 0..<(try r.count()) { children.append(try condition(&r, depth: depth + 1)) }
      return tag == 0 ? .all(children, nil) : .any(children, nil)
    case 2:
      return .not(try condition(&r, depth: depth + 1), nil)
    case 3:
      let fact = try r.string()
      guard let op = RuleOperator(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
      let operand: Condition.Operand
      switch try r.int() {
      case 0: operand = .none
      case 1: operand = .values(try r.strings())
      case 2: operand = .bool(try r.bool())
      case 3:
        var numbers: [Int] = []
        for _ in 0..<(try r.count()) { numbers.append(try r.int()) }
        operand = .integers(numbers)
      default: throw BinaryReader.Corrupt()
      }
      return .leaf(Condition.Leaf(fact: fact, op: op, operand: operand))
    default:
      throw BinaryReader.Corrupt()
    }
  }
}

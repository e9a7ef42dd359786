import IntakeCore
import IntakeTestSupport
import Testing

/// `missing`: the unknown input facts that could still change the outcome — and not those
/// that cannot.
@Suite("Missing facts")
struct MissingFactsTests {
  typealias I = Inline

  @Test("an unknown fact that could make a rule hold is missing")
  func couldChange() throws {
    let book = try I.book([I.recommend("r", "s1", when: I.all(I.eq("a", true), I.eq("b", true)))])
    #expect(try Evaluation(book, ["a": .bool(true)]).outcome.missing == ["b"])
    #expect(try Evaluation(book, [:]).outcome.missing == ["a", "b"])
  }

  @Test("an unknown fact in a rule that already failed is not missing")
  func ruleAlreadyFalse() throws {
    let book = try I.book([I.recommend("r", "s1", when: I.all(I.eq("a", true), I.eq("b", true)))])
    #expect(try Evaluation(book, ["a": .bool(false)]).outcome.missing.isEmpty)
  }

  @Test("an unknown fact that could only recommend a service already recommended is not missing")
  func alreadyAchieved() throws {
    let book = try I.book([
      I.recommend("via-a", "s1", when: I.eq("a", true)),
      I.recommend("via-b", "s1", when: I.eq("b", true)),
      I.refer("ref-a", "r1", when: I.eq("a", true)),
      I.refer("ref-c", "r1", when: I.eq("c", true)),
    ])
    #expect(try Evaluation(book, ["a": .bool(true)]).outcome.missing.isEmpty)
    #expect(try Evaluation(book, ["a": .bool(false)]).outcome.missing == ["b", "c"])
  }

  @Test("an unknown fact feeding a derivation that could change a derived value is missing")
  func throughDerivation() throws {
    let book = try I.book([
      I.derive("level", "level", ["high"], when: I.eq("c", true)),
      I.recommend("r", "s1", when: I.eq("level", "high")),
    ])
    #expect(try Evaluation(book, [:]).outcome.missing == ["c"])
    #expect(try Evaluation(book, ["c": .bool(false)]).outcome.missing.isEmpty)
  }

  @Test("a derivation that would lose the conflict anyway does not make its facts missing")
  func losingDerivation() throws {
    let book = try I.book([
      I.derive("winner", "level", ["high"], priority: 10, when: I.eq("a", true)),
      I.derive("loser", "level", ["low"], priority: 1, when: I.eq("b", true)),
      I.recommend("r", "s1", when: I.eq("level", "low")),
    ])
    #expect(try Evaluation(book, ["a": .bool(true)]).outcome.missing.isEmpty)
    #expect(try Evaluation(book, ["a": .bool(false)]).outcome.missing == ["b"])
  }

  @Test("known facts and derived facts are never missing")
  func onlyUnknownInputs() throws {
    let book = try I.book([
      I.derive("level", "level", ["high"], when: I.eq("a", true)),
      I.recommend("r", "s1", when: I.all(I.eq("level", "high"), I.eq("b", true), I.eq("color", "red"))),
    ])
    let missing = try Evaluation(book, ["a": .bool(true), "color": .choice("red")]).outcome.missing
    #expect(missing == ["b"])
  }

  @Test("a rule indexed by an unknown guard fact still reports its facts as missing")
  func guardedRules() throws {
    // The first conjunct is the guard the evaluator indexes the rule by.
    let book = try I.book([I.recommend("r", "s1", when: I.all(I.leaf("tags", .includes, .values(["x"])), I.eq("b", true)))])
    #expect(try Evaluation(book, ["b": .bool(true)]).outcome.missing == ["tags"])
    #expect(try Evaluation(book, [:]).outcome.missing == ["b", "tags"])
    #expect(try Evaluation(book, ["tags": .set(["y"])]).outcome.missing.isEmpty)
  }

  @Test("missing facts are listed in fact order")
  func factOrder() throws {
    let book = try I.book([
      I.recommend("r", "s1", when: I.all(I.leaf("n", .atLeast, .integers([5])), I.eq("c", true), I.eq("a", true)))
    ])
    #expect(try Evaluation(book, [:]).outcome.missing == ["a", "c", "n"])
  }

  @Test("shipped rules: an unknown state is missing; a fully answered request misses nothing")
  func shipped() throws {
    let book = try ShippedData.book()
    let partial = try Evaluation(book, ["bases": .set(["race"])])
    #expect(partial.outcome.missing.contains("state"))
    #expect(!partial.outcome.missing.contains("bases"))
    #expect(!partial.outcome.missing.contains("jurisdiction"))

    let full: [String: FactValue] = [
      "request_goal": .choice("respond"), "longstanding_mistrust": .bool(false), "incident_types": .set(["bias_incident"]),
      "incident_days_ago": .integer(30), "planned_event": .bool(false), "event_in_days": .integer(0),
      "bases": .set(["race"]), "violence": .bool(false), "immediate_danger": .bool(false),
      "law_enforcement_involved": .bool(false), "settings": .set(["neighborhood"]), "parties_willing_to_meet": .choice("yes"),
      "leaders_committed": .bool(true), "requester_role": .choice("community_leader"), "wants": .set(["dialogue"]),
      "state": .choice("GA"), "city": .text("Atlanta"), "communities": .set(["black"]),
    ]
    #expect(try Evaluation(book, full).outcome.missing.isEmpty)
  }

  @Test("shipped rules: out of scope, the service questions are no longer missing")
  func shippedOutOfScope() throws {
    let run = try Evaluation(try ShippedData.book(), ["bases": .set(["other"]), "state": .choice("TX")])
    #expect(run.outcome.jurisdiction == "out_of_scope")
    for fact in ["parties_willing_to_meet", "leaders_committed", "requester_role", "longstanding_mistrust", "communities"] {
      #expect(!run.outcome.missing.contains(fact), "\(fact) cannot change an out-of-scope outcome")
    }
    // Referrals still apply outside CRS's jurisdiction: what could add one is still missing.
    #expect(run.outcome.missing.contains("immediate_danger"))
    #expect(run.outcome.missing.contains("wants"))
    // The setting can still point to the agency for a complaint (EEOC at work, HUD for housing).
    #expect(run.outcome.missing.contains("settings"))
  }
}

extension MissingFactsTests {
  /// What a user sees of an outcome, apart from `missing` itself.
  struct Visible: Equatable {
    var jurisdiction: String
    var bases: [String]
    var urgency: String
    /// The services recommended, as a set: the engine does not count a fact that could only
    /// re-rank a service already recommended (see the bug report).
    var services: Set<String>
    var referrals: [String]
    var office: OfficeRouting

    init(_ outcome: Outcome) {
      jurisdiction = outcome.jurisdiction
      bases = outcome.jurisdictionBases
      urgency = outcome.urgency
      services = Set(outcome.services.map(\.id))
      referrals = outcome.referrals.map(\.id)
      office = outcome.office
    }
  }

  /// Values worth trying for a fact.
  static func candidates(_ fact: FactDefinition) -> [FactValue] {
    switch fact.kind {
    case .choice: return fact.values.map { .choice($0) }
    case .bool: return [.bool(true), .bool(false)]
    case .integer: return [0, 2, 3, 4, 7, 8, 14, 15, 30, 400].map { .integer($0) }
    case .text: return [.text("Seattle")]
    case .set: return [.set([])] + fact.values.map { .set([$0]) } + [.set(fact.values)]
    }
  }

  @Test("random requests on the shipped rules: an unknown fact left out of `missing` cannot change what is recommended")
  func missingIsComplete() throws {
    let book = try ShippedData.book()
    var generator = RequestGenerator(seed: 2024, facts: book.facts)
    let evaluator = Evaluator(book: book)
    let inputs = book.facts.filter { !$0.derived }
    var problems: [String] = []
    var checked = 0
    for _ in 0..<300 {
      let request = generator.next()
      let base = try Evaluation(book, request, evaluator: evaluator).outcome
      let visible = Visible(base)
      #expect(Set(base.missing).isSubset(of: inputs.map(\.id).filter { request[$0] == nil }))
      for fact in inputs where request[fact.id] == nil && !base.missing.contains(fact.id) {
        for value in Self.candidates(fact) {
          var changed = request
          changed[fact.id] = value
          checked += 1
          let other = Visible(try Evaluation(book, changed, evaluator: evaluator).outcome)
          if other != visible, problems.count < 3 {
            problems.append("\(fact.id) = \(value) changes \(request.sorted { $0.key < $1.key })")
          }
        }
      }
    }
    #expect(checked > 1000)
    #expect(problems.isEmpty, "\(problems)")
  }
}

import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// The shipped Rules/ and Locales/: clean, complete, and naming the ids DESIGN.md promises.
@Suite("Shipped data")
struct ShippedDataTests {
  @Test("Rules/ and Locales/ load with no errors and no warnings")
  func loadsClean() throws {
    let loaded = ShippedData.loaded
    let report = loaded.diagnostics.map { "\($0.location): \($0.severity) \($0.code) \($0.arguments)" }
    #expect(loaded.diagnostics.isEmpty, "\(report.joined(separator: "\n"))")
    #expect(loaded.book != nil)
  }

  @Test("the 13 service ids of the catalogue")
  func services() {
    let ids = ShippedData.loaded.ruleSet.services.map(\.id)
    #expect(ids.count == 13)
    #expect(
      Set(ids) == [
        "spcp", "school_spirit", "campus_spirit", "city_spirit", "facilitated_dialogue", "mediation", "consultation",
        "ppow_forum", "bias_hate_crimes_forum", "event_contingency_planning", "training_transgender",
        "training_cultural", "training_hate_crimes",
      ])
  }

  @Test("the 5 referral ids of schema v1, and the sourced additions for the wrong door and abroad")
  func referrals() {
    let referrals = ShippedData.loaded.ruleSet.referrals
    #expect(
      Set(referrals.map(\.id)) == [
        "call_911", "local_police", "fbi_tips", "civil_rights_division", "lep_complaint",
        "eeoc", "hud_fair_housing", "education_ocr", "community_mediation", "local_emergency",
      ])
    for referral in referrals { #expect(!referral.source.isEmpty, "\(referral.id) has a source") }
    // U.S. offices and numbers are marked, so `check` can keep them away from situations abroad.
    #expect(
      Set(referrals.filter(\.usOnly).map(\.id)) == [
        "call_911", "local_police", "fbi_tips", "civil_rights_division", "lep_complaint", "eeoc", "hud_fair_housing", "education_ocr",
      ])
  }

  @Test("the 6 region ids, national included")
  func regions() {
    let ids = ShippedData.loaded.ruleSet.offices.regions.map(\.id)
    #expect(ids.count == 6)
    #expect(Set(ids) == ["atlantic_north", "south", "midwest", "mountain_central", "west", "national"])
  }

  @Test("the regional and field office ids, with their kinds")
  func offices() {
    let directory = ShippedData.loaded.ruleSet.offices
    let regional = [
      "boston", "new_york", "philadelphia", "atlanta", "chicago", "kansas_city", "dallas", "denver", "los_angeles", "seattle",
    ]
    let field = [
      "erie", "portland_me", "san_juan", "charlotte", "miami", "new_orleans", "orlando", "detroit", "minneapolis", "st_louis",
      "houston", "salt_lake_city", "san_francisco",
    ]
    for id in regional { #expect(directory.office(id)?.kind == "regional", "\(id)") }
    for id in field { #expect(directory.office(id)?.kind == "field", "\(id)") }
    #expect(directory.office("headquarters")?.kind == "headquarters")
    #expect(directory.nationalOffice == "headquarters")
    #expect(directory.nationalEmail == "askcrs@usdoj.gov")
    #expect(!directory.asOf.isEmpty && !directory.source.isEmpty)
  }

  @Test("the request facts of schema v1, with their types and values")
  func facts() {
    let ruleSet = ShippedData.loaded.ruleSet
    let expected: [(String, FactDefinition.Kind, [String])] = [
      ("request_goal", .choice, ["prevent", "respond"]),
      ("longstanding_mistrust", .bool, []),
      (
        "incident_types", .set,
        [
          "police_use_of_force", "police_misconduct", "hate_crime", "bias_incident", "threats", "protest_or_unrest", "school_conflict",
          "community_dispute", "other",
        ]
      ),
      ("incident_days_ago", .integer, []),
      ("planned_event", .bool, []),
      ("event_in_days", .integer, []),
      (
        "bases", .set,
        [
          "race", "color", "national_origin", "religion", "disability", "gender", "gender_identity", "sexual_orientation", "other",
          "unsure",
        ]
      ),
      ("violence", .bool, []),
      ("immediate_danger", .bool, []),
      ("law_enforcement_involved", .bool, []),
      (
        "settings", .set,
        [
          "k12_school", "college_campus", "place_of_worship", "community_center", "neighborhood", "citywide", "correctional_facility",
          "workplace", "online",
        ]
      ),
      ("parties_willing_to_meet", .choice, ["yes", "no", "unsure"]),
      ("leaders_committed", .bool, []),
      (
        "requester_role", .choice,
        [
          "community_leader", "law_enforcement", "local_official", "school_official", "faith_leader", "civil_rights_org", "resident",
          "other",
        ]
      ),
      ("wants", .set, ["dialogue", "mediation", "training", "event_safety", "report_crime", "file_complaint", "advice"]),
      ("city", .text, []),
    ]
    for (id, kind, values) in expected {
      let fact = ruleSet.fact(id)
      #expect(fact?.kind == kind, "\(id)")
      #expect(fact?.derived == false, "\(id)")
      // Additions are fine, renames are not: every v1 value is still there, in the same order.
      if !values.isEmpty { #expect(fact?.values.filter(values.contains) == values, "\(id)") }
    }
    #expect(ruleSet.fact("incident_types")?.values.contains("discrimination") == true)
    #expect(ruleSet.fact("settings")?.values.filter { ["tribal_land", "housing"].contains($0) } == ["tribal_land", "housing"])
    #expect(
      ruleSet.fact("communities")?.values == [
        "asian_american", "black", "latino", "native_american_tribal", "muslim", "sikh", "arab", "jewish", "hindu", "lgbtq", "immigrant",
        "other",
      ])
    #expect(ruleSet.fact("incident_days_ago")?.minimum == 0)
    #expect(ruleSet.fact("event_in_days")?.minimum == 0)
    #expect(ruleSet.fact("jurisdiction")?.derived == true)
    #expect(ruleSet.fact("jurisdiction")?.values == ["in_scope", "assess", "out_of_scope"])
    #expect(ruleSet.fact("urgency")?.values == ["emergency", "urgent", "standard"])
    #expect(ruleSet.fact("jurisdiction_basis")?.values == ["title_x", "shepard_byrd"])
  }

  @Test("every service and referral is reachable by some rule")
  func everythingReachable() {
    let lint = RuleSetLint(ruleSet: ShippedData.loaded.ruleSet, catalog: ShippedData.loaded.catalog).run()
    #expect(lint.filter { $0.code == .serviceUnreachable || $0.code == .referralUnreachable }.isEmpty)
    #expect(lint.isEmpty, "\(lint.map { "\($0.location) \($0.code) \($0.arguments)" })")
  }

  @Test("every service is recommended for some request the shipped scenarios describe")
  func everyServiceHappens() throws {
    let book = try ShippedData.book()
    let (scenarios, _) = ScenarioLoader(path: PackagePaths.scenarios, displayBase: PackagePaths.root).load()
    var seen = Set<String>()
    for scenario in scenarios {
      guard case .success(let table) = book.table(for: scenario.given) else { continue }
      let evaluator = Evaluator(book: book)
      evaluator.evaluate(table)
      seen.formUnion(evaluator.outcome(catalog: MessageCatalog(), language: .en).services.map(\.id))
    }
    #expect(seen == Set(book.services.map(\.id)))
  }

  @Test("rule ids are unique and every rule has reason texts in both languages")
  func ruleIdsAndReasons() {
    let rules = ShippedData.loaded.ruleSet.rules
    #expect(Set(rules.map(\.id)).count == rules.count)
    for rule in rules {
      for language in Language.allCases {
        #expect(ShippedData.loaded.catalog.has("reason.\(rule.id)", in: language), "reason.\(rule.id) in \(language)")
      }
    }
  }
}

import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// How every state and territory routes to a region and office.
@Suite("Office routing")
struct OfficeRoutingTests {
  /// The 50 states, DC and the five territories, written out independently of the data.
  static let jurisdictions = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
    "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
    "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
  ]
  static let regions: Set<String> = ["atlantic_north", "south", "midwest", "mountain_central", "west"]

  @Test("there are 56 jurisdictions and the state fact lists each of them plus outside_us")
  func stateValues() {
    #expect(Self.jurisdictions.count == 56)
    #expect(Set(Self.jurisdictions).count == 56)
    #expect(Set(ShippedData.loaded.ruleSet.fact("state")?.values ?? []) == Set(Self.jurisdictions + ["outside_us"]))
    #expect(ShippedData.loaded.ruleSet.offices.states.count == 56)
  }

  @Test("each jurisdiction routes to a region, its regional office and a field office of that region", arguments: jurisdictions)
  func routes(_ state: String) throws {
    let directory = ShippedData.loaded.ruleSet.offices
    let route = try #require(directory.route(for: state))
    #expect(Self.regions.contains(route.region))
    let office = try #require(directory.office(route.office))
    #expect(office.kind == "regional")
    #expect(office.region == route.region)
    if let field = route.fieldOffice {
      #expect(directory.office(field)?.kind == "field")
    }
    #expect(!route.asOf.isEmpty)
    #expect(!route.source.isEmpty)

    let outcome = try Evaluation(try ShippedData.book(), ["state": .choice(state)]).outcome
    #expect(
      outcome.office
        == OfficeRouting(region: route.region, office: route.office, fieldOffice: route.fieldOffice, confirmed: route.confirmed))
  }

  @Test(
    "spot checks",
    arguments: [
      ("WA", nil, "west", "seattle", nil),
      ("TX", "Houston", "mountain_central", "dallas", "houston"),
      ("TX", "Dallas", "mountain_central", "dallas", nil),
      ("PR", nil, "atlantic_north", "new_york", "san_juan"),
      ("CA", "San José", "west", "los_angeles", "san_francisco"),
      ("CA", "Westminster", "west", "los_angeles", nil),
      ("CA", "westminster, ca", "west", "los_angeles", nil),
      ("CA", "Orange County", "west", "los_angeles", nil),
      ("CA", "Santa Clara County", "west", "los_angeles", "san_francisco"),
      ("CA", nil, "west", "los_angeles", nil),
      ("GA", nil, "south", "atlanta", nil),
      ("FL", "Miami", "south", "atlanta", "miami"),
      ("FL", "Tallahassee", "south", "atlanta", nil),
      ("LA", "New Orleans", "south", "atlanta", "new_orleans"),
      ("MA", nil, "atlantic_north", "boston", nil),
    ] as [(String, String?, String, String, String?)])
  func spotCheck(state: String, city: String?, region: String, office: String, field: String?) throws {
    var facts: [String: FactValue] = ["state": .choice(state)]
    if let city { facts["city"] = .text(city) }
    let outcome = try Evaluation(try ShippedData.book(), facts).outcome
    #expect(outcome.office.region == region)
    #expect(outcome.office.office == office)
    #expect(outcome.office.fieldOffice == field)
  }

  @Test("a field office chosen by county is flagged as an inference; the Rocky Mountain states are confirmed")
  func confirmation() throws {
    let book = try ShippedData.book()
    #expect(try Evaluation(book, ["state": .choice("CA"), "city": .text("Sacramento")]).outcome.office.confirmed == false)
    #expect(try Evaluation(book, ["state": .choice("CA"), "city": .text("Sacramento")]).outcome.office.county == "Sacramento")
    #expect(try Evaluation(book, ["state": .choice("CA"), "city": .text("Westminster")]).outcome.office.confirmed == true)
    for state in ["CO", "MT", "ND", "SD", "UT", "WY"] {
      #expect(try Evaluation(book, ["state": .choice(state)]).outcome.office.confirmed == true, "\(state)")
    }
    #expect(try Evaluation(book, ["state": .choice("LA")]).outcome.office.confirmed == false)
  }

  @Test("outside the US and an unknown state go to the national headquarters")
  func national() throws {
    let book = try ShippedData.book()
    let national = OfficeRouting(region: "national", office: "headquarters", fieldOffice: nil)
    #expect(try Evaluation(book, ["state": .choice("outside_us")]).outcome.office == national)
    #expect(try Evaluation(book, [:]).outcome.office == national)
  }

  @Test("every state of a region routes to an office of that region, and every regional office serves some state")
  func regionsAreConsistent() {
    let directory = ShippedData.loaded.ruleSet.offices
    let served = Set(directory.states.map(\.office))
    for office in directory.offices where office.kind == "regional" {
      #expect(served.contains(office.id), "\(office.id) serves no state")
    }
  }
}

/// A scenario test written as data (`Rules/scenarios/*.yaml`): given facts, the outcome
/// a rule author expects.
public struct Scenario: Sendable, Equatable {
  /// What the outcome must show; every field is optional.
  public struct Expectations: Sendable, Equatable {
    public var jurisdiction: String?
    public var basis: [String]?
    public var urgency: String?
    public var services: [String]?
    public var servicesInclude: [String] = []
    public var servicesExclude: [String] = []
    public var servicesFirst: String?
    public var referrals: [String]?
    public var referralsInclude: [String] = []
    public var referralsExclude: [String] = []
    public var region: String?
    public var office: String?
    /// `.some(nil)` expects no field office.
    public var fieldOffice: String??
    public var missing: [String]?
    public var missingInclude: [String] = []
    public var missingExclude: [String] = []
    /// Services that one more answer would bring (`Outcome.possibleServices`).
    public var possibleServicesInclude: [String] = []
    public var possibleServicesExclude: [String] = []
    /// Whether the office routing is confirmed by a CRS source.
    public var officeConfirmed: Bool?

    public init() {}
  }

  public var id: String
  public var description: String
  /// Where the case comes from (a published CRS case, a CRS page), for the reader.
  public var source: String?
  public var given: [String: FactValue]
  public var expect: Expectations
  public var location: SourceLocation?
  /// Where each fact under `given` is written, to report a misspelled one there.
  public var givenLocations: [String: SourceLocation] = [:]
  /// Where each key under `expect` has its value, to report an unknown id there.
  public var expectLocations: [String: SourceLocation] = [:]

  public init(
    id: String, description: String = "", source: String? = nil, given: [String: FactValue], expect: Expectations,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.description = description
    self.source = source
    self.given = given
    self.expect = expect
    self.location = location
  }
}

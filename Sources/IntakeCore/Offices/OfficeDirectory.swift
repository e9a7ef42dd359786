/// The CRS office directory (`Rules/offices.yaml`): offices, regions, and how each state
/// routes, with the date and source of every routing because CRS was restructured in 2025.
public struct OfficeDirectory: Sendable, Equatable {
  public struct Office: Sendable, Equatable {
    public var id: String
    /// regional, field or headquarters.
    public var kind: String
    public var region: String
    public var city: String
    public var address: String
    public var phone: String
    public var email: String
    public var source: String
    public var confirmed: Bool
    public var location: SourceLocation?

    public init(
      id: String, kind: String, region: String, city: String, address: String, phone: String,
      email: String, source: String, confirmed: Bool, location: SourceLocation? = nil
    ) {
      self.id = id
      self.kind = kind
      self.region = region
      self.city = city
      self.address = address
      self.phone = phone
      self.email = email
      self.source = source
      self.confirmed = confirmed
      self.location = location
    }
  }

  public struct Region: Sendable, Equatable {
    public var id: String
    public var source: String
    public var location: SourceLocation?

    public init(id: String, source: String, location: SourceLocation? = nil) {
      self.id = id
      self.source = source
      self.location = location
    }
  }

  /// How one state or territory routes.
  public struct StateRoute: Sendable, Equatable {
    public var state: String
    public var region: String
    public var office: String
    public var fieldOffice: String?
    public var asOf: String
    public var source: String
    public var confirmed: Bool
    public var location: SourceLocation?

    public init(
      state: String, region: String, office: String, fieldOffice: String?, asOf: String,
      source: String, confirmed: Bool, location: SourceLocation? = nil
    ) {
      self.state = state
      self.region = region
      self.office = office
      self.fieldOffice = fieldOffice
      self.asOf = asOf
      self.source = source
      self.confirmed = confirmed
      self.location = location
    }
  }

  public var asOf: String
  public var source: String
  /// The office for region `national`: outside the US or state unknown.
  public var nationalOffice: String
  public var nationalEmail: String
  public var nationalPhone: String
  public var regions: [Region]
  public var offices: [Office]
  public var states: [StateRoute]

  public init(
    asOf: String = "", source: String = "", nationalOffice: String = "headquarters",
    nationalEmail: String = "", nationalPhone: String = "", regions: [Region] = [],
    offices: [Office] = [], states: [StateRoute] = []
  ) {
    self.asOf = asOf
    self.source = source
    self.nationalOffice = nationalOffice
    self.nationalEmail = nationalEmail
    self.nationalPhone = nationalPhone
    self.regions = regions
    self.offices = offices
    self.states = states
  }

  public func office(_ id: String) -> Office? { offices.first { $0.id == id } }
  public func route(for state: String) -> StateRoute? { states.first { $0.state == state } }

  /// The routing for a state, or the national office when the state is unknown, outside the
  /// US, or missing from the directory.
  public func routing(for state: String?) -> OfficeRouting {
    if let state, let route = route(for: state) {
      return OfficeRouting(region: route.region, office: route.office, fieldOffice: route.fieldOffice)
    }
    return OfficeRouting(region: "national", office: nationalOffice, fieldOffice: nil)
  }
}

/// Where a request goes: region, regional office and (where one serves the state) field office.
public struct OfficeRouting: Sendable, Hashable {
  public var region: String
  public var office: String
  public var fieldOffice: String?

  public init(region: String, office: String, fieldOffice: String?) {
    self.region = region
    self.office = office
    self.fieldOffice = fieldOffice
  }
}

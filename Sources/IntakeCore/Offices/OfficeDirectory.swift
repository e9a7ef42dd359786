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

    /// Address, phone and email joined with " — ", leaving out what the directory does not
    /// have (never a placeholder).
    /// - Parameters:
    ///   - phoneText: the phone number in words ("phone 617-424-5715").
    ///   - fallbackEmail: the national intake address, for an office without its own.
    public func details(phoneText: (String) -> String, fallbackEmail: String) -> String {
      var parts: [String] = []
      if !address.isEmpty { parts.append(address) }
      if !phone.isEmpty { parts.append(phoneText(phone)) }
      let mail = email.isEmpty ? fallbackEmail : email
      if !mail.isEmpty { parts.append(mail) }
      return parts.joined(separator: " — ")
    }

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

  /// Where a state is split, the counties one field office serves (`Rules/places.yaml`).
  public struct CountyRoute: Sendable, Equatable {
    public var state: String
    public var fieldOffice: String
    public var counties: [String]
    public var source: String
    public var confirmed: Bool
    public var location: SourceLocation?

    public init(state: String, fieldOffice: String, counties: [String], source: String, confirmed: Bool, location: SourceLocation? = nil) {
      self.state = state
      self.fieldOffice = fieldOffice
      self.counties = counties
      self.source = source
      self.confirmed = confirmed
      self.location = location
    }
  }

  /// A state's cities and towns by county, so a city picks its county's field office.
  public struct CityList: Sendable, Equatable {
    public var state: String
    public var source: String
    public var byCounty: [(county: String, cities: [String])]
    public var location: SourceLocation?

    public init(state: String, source: String, byCounty: [(county: String, cities: [String])], location: SourceLocation? = nil) {
      self.state = state
      self.source = source
      self.byCounty = byCounty
      self.location = location
    }

    public static func == (a: CityList, b: CityList) -> Bool {
      a.state == b.state && a.source == b.source && a.location == b.location
        && a.byCounty.map(\.county) == b.byCounty.map(\.county) && a.byCounty.map(\.cities) == b.byCounty.map(\.cities)
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
  public var countyRoutes: [CountyRoute] = []
  public var cities: [CityList] = []

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
      return OfficeRouting(region: route.region, office: route.office, fieldOffice: route.fieldOffice, confirmed: route.confirmed)
    }
    return OfficeRouting(region: "national", office: nationalOffice, fieldOffice: nil, confirmed: true)
  }

  /// The routing for a place in a split state, keyed by `placeKey` of a city or county name:
  /// the county's field office, confirmed only when both the state's and the county's
  /// routings are. Names in two counties that route differently are left out.
  public func placeRoutes(for state: String) -> [String: OfficeRouting] {
    let splits = countyRoutes.filter { $0.state == state }
    guard !splits.isEmpty, let route = route(for: state) else { return [:] }
    var byCounty: [String: CountyRoute] = [:]
    for split in splits {
      for county in split.counties { byCounty[Self.placeKey(county)] = split }
    }
    func routing(_ county: String) -> OfficeRouting {
      let split = byCounty[Self.placeKey(county)]
      return OfficeRouting(
        region: route.region, office: route.office, fieldOffice: split?.fieldOffice,
        confirmed: route.confirmed && (split?.confirmed ?? true), county: county)
    }
    var routes: [String: OfficeRouting] = [:]
    var ambiguous = Set<String>()
    func add(_ key: String, _ value: OfficeRouting) {
      guard !key.isEmpty, !ambiguous.contains(key) else { return }
      if let old = routes[key], old.fieldOffice != value.fieldOffice {
        routes[key] = nil
        ambiguous.insert(key)
        return
      }
      if routes[key] == nil { routes[key] = value }
    }
    for list in cities where list.state == state {
      for (county, names) in list.byCounty {
        for name in names { add(Self.placeKey(name), routing(county)) }
      }
    }
    let counties = Set(splits.flatMap(\.counties) + cities.filter { $0.state == state }.flatMap { $0.byCounty.map(\.county) })
    for county in counties.sorted() {
      routes[Self.placeKey(county) + " county"] = routing(county)
    }
    return routes
  }

  /// A city or county name as people type it, reduced for lookup: folded (lowercase, no
  /// diacritics), punctuation as spaces, without a leading "city of" or a trailing state.
  public static func placeKey(_ text: String) -> String {
    let folded = TextFolding.fold(text)
    var words: [String]
    if folded.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII (nearly every place name; every start builds thousands of keys): split on bytes,
      // the same words as the Character test below gives for ASCII.
      words = folded.utf8.split { !(($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39)) }.map { String(decoding: $0, as: UTF8.self) }
    } else {
      words = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
    if words.count > 2, words[0] == "city", words[1] == "of" { words.removeFirst(2) }
    while words.count > 1, let last = words.last, trailingWords.contains(last) { words.removeLast() }
    return words.joined(separator: " ")
  }

  /// State names and codes a place name may end with ("Houston, TX").
  private static let trailingWords: Set<String> = [
    "ca", "california", "tx", "texas", "fl", "florida", "pa", "pennsylvania", "mi", "michigan", "mo", "missouri", "usa", "us",
  ]
}

/// Where a request goes: region, regional office and (where one serves the state) field office.
public struct OfficeRouting: Sendable, Hashable {
  public var region: String
  public var office: String
  public var fieldOffice: String?
  /// False when the routing is an inference no CRS source confirms: the person is told so.
  public var confirmed: Bool
  /// The county that chose the field office in a split state.
  public var county: String?

  public init(region: String, office: String, fieldOffice: String?, confirmed: Bool = true, county: String? = nil) {
    self.region = region
    self.office = office
    self.fieldOffice = fieldOffice
    self.confirmed = confirmed
    self.county = county
  }
}

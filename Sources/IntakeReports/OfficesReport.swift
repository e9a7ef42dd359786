import Foundation
import IntakeCore

/// `crs-intake offices --format json`: the office directory, or how one state routes.
public struct OfficesReport: JSONReport, Sendable {
  /// The shape and its version: a change that removes or renames a key gets a new one.
  public static let schema = "crs-intake-offices/1"

  public struct Office: Encodable, Sendable {
    public var id, name, kind, region, city: String
    /// Left out when the directory does not have it (never a placeholder).
    public var address, phone, email: String?
    public var confirmed: Bool
    public var source: String

    init(_ office: OfficeDirectory.Office, name: String) {
      id = office.id
      self.name = name
      kind = office.kind
      region = office.region
      city = office.city
      address = office.address.isEmpty ? nil : office.address
      phone = office.phone.isEmpty ? nil : office.phone
      email = office.email.isEmpty ? nil : office.email
      confirmed = office.confirmed
      source = office.source
    }
  }

  public struct Region: Encodable, Sendable {
    public var id, name: String
    public var offices: [String]
    public var states: [String]
  }

  /// How one state routes, with the counties of a split state.
  public struct Route: Encodable, Sendable {
    public var state: String
    public var region: String
    public var office: String
    public var fieldOffice: String?
    public var county: String?
    /// False when no CRS source confirms the routing.
    public var confirmed: Bool
    public var splits: [Split]
  }

  public struct Split: Encodable, Sendable {
    public var fieldOffice: String
    public var counties: [String]
    public var confirmed: Bool
  }

  /// The national intake line, for what no region takes and for everyone while CRS is
  /// restructured.
  public struct National: Encodable, Sendable {
    public var office, phone, email: String
  }

  let schema = Self.schema
  public var asOf: String
  public var source: String
  public var national: National
  public var offices: [Office]
  /// The whole directory only.
  public var regions: [Region]?
  /// One state only.
  public var route: Route?

  /// - Parameters:
  ///   - routing: a state's code and its routing, or nil for the whole directory.
  ///   - name: an office's or region's name in the session's language, by id.
  public init(
    directory: OfficeDirectory, routing: (state: String, OfficeRouting)?, officeName: (String) -> String,
    regionName: (String) -> String
  ) {
    asOf = directory.asOf
    source = directory.source
    national = National(office: directory.nationalOffice, phone: directory.nationalPhone, email: directory.nationalEmail)
    if let (state, routing) = routing {
      let ids = [routing.office] + (routing.fieldOffice.map { [$0] } ?? [])
      offices = ids.compactMap { directory.office($0) }.map { Office($0, name: officeName($0.id)) }
      route = Route(
        state: state, region: routing.region, office: routing.office, fieldOffice: routing.fieldOffice, county: routing.county,
        confirmed: routing.confirmed,
        splits: directory.countyRoutes.filter { $0.state == state }.map {
          Split(fieldOffice: $0.fieldOffice, counties: $0.counties, confirmed: $0.confirmed)
        })
    } else {
      offices = directory.offices.map { Office($0, name: officeName($0.id)) }
      regions = directory.regions.map { region in
        Region(
          id: region.id, name: regionName(region.id), offices: directory.offices.filter { $0.region == region.id }.map(\.id),
          states: directory.states.filter { $0.region == region.id }.map(\.state))
      }
    }
  }

}

import Foundation
import IntakeCore
import Yams

extension RulesLoader {
  /// Reads `offices.yaml`: the national fallback, regions, offices and per-state routing.
  func loadOffices(_ diagnostics: inout [Diagnostic]) -> OfficeDirectory {
    var (reader, top, _) = open(
      "offices.yaml", listKey: "states", extraKeys: ["as_of", "source", "restructured_note", "national", "regions", "offices"],
      &diagnostics)
    var directory = OfficeDirectory()
    guard !top.isEmpty else { return directory }
    directory.asOf = reader.string(top["as_of"], context: "as_of") ?? ""
    directory.source = reader.string(top["source"], context: "source") ?? ""
    if let national = reader.mapping(
      top["national"], context: "national", allowed: ["office", "email", "phone"], required: ["office", "email", "phone"])
    {
      directory.nationalOffice = reader.string(national["office"], context: "office") ?? "headquarters"
      directory.nationalEmail = reader.string(national["email"], context: "email") ?? ""
      directory.nationalPhone = reader.string(national["phone"], context: "phone") ?? ""
    }
    var regionIDs = Set<String>()
    for item in reader.sequence(top["regions"], context: "regions") ?? [] {
      guard let fields = reader.mapping(item, context: "region", allowed: ["id", "source"], required: ["id"]),
        let id = reader.string(fields["id"], context: "id")
      else { continue }
      if !regionIDs.insert(id).inserted {
        reader.error(.duplicateID, fields["id"], ["id": id, "first": "regions"])
        continue
      }
      directory.regions.append(
        .init(id: id, source: reader.string(fields["source"], context: "source") ?? "", location: reader.location(item)))
    }
    var officeKinds: [String: String] = [:]
    let officeKeys: Set<String> = ["id", "kind", "region", "city", "address", "phone", "email", "source", "confirmed"]
    for item in reader.sequence(top["offices"], context: "offices") ?? [] {
      guard let fields = reader.mapping(item, context: "office", allowed: officeKeys, required: ["id", "kind", "region"]),
        let id = reader.string(fields["id"], context: "id")
      else { continue }
      if officeKinds[id] != nil {
        reader.error(.duplicateID, fields["id"], ["id": id, "first": "offices"])
        continue
      }
      let kind = reader.string(fields["kind"], context: "kind") ?? ""
      if !["regional", "field", "headquarters"].contains(kind) {
        reader.error(.unknownType, fields["kind"], ["type": kind, "expected": "regional, field, headquarters"])
      }
      officeKinds[id] = kind
      let region = reader.string(fields["region"], context: "region") ?? ""
      if !regionIDs.contains(region) {
        reader.error(.unknownRegion, fields["region"], ["region": region, "expected": regionIDs.sorted().joined(separator: ", ")])
      }
      func text(_ key: String) -> String { fields[key].flatMap { $0.scalar?.string } ?? "" }
      // A detail the directory does not have is left out; an empty one is a slip.
      for key in ["city", "address", "phone", "email", "source"] where fields[key] != nil && text(key).isEmpty {
        reader.warning(.officeFieldEmpty, fields[key], ["office": id, "field": key])
      }
      directory.offices.append(
        .init(
          id: id, kind: kind, region: region, city: text("city"), address: text("address"), phone: text("phone"),
          email: text("email"), source: text("source"),
          confirmed: fields["confirmed"].flatMap { reader.bool($0, context: "confirmed") } ?? false,
          location: reader.location(item)))
    }
    if officeKinds[directory.nationalOffice] == nil {
      reader.error(
        .unknownOffice, top["national"],
        ["office": directory.nationalOffice, "expected": officeKinds.keys.sorted().joined(separator: ", ")])
    }
    let stateKeys: Set<String> = ["state", "region", "office", "field_office", "as_of", "source", "confirmed"]
    var seenStates = Set<String>()
    for item in reader.sequence(top["states"], context: "states") ?? [] {
      guard
        let fields = reader.mapping(
          item, context: "state", allowed: stateKeys, required: ["state", "region", "office", "as_of", "source", "confirmed"]),
        let state = reader.string(fields["state"], context: "state")
      else { continue }
      if !seenStates.insert(state).inserted {
        reader.error(.duplicateID, fields["state"], ["id": state, "first": "states"])
        continue
      }
      let region = reader.string(fields["region"], context: "region") ?? ""
      if !regionIDs.contains(region) {
        reader.error(.unknownRegion, fields["region"], ["region": region, "expected": regionIDs.sorted().joined(separator: ", ")])
      }
      let office = reader.string(fields["office"], context: "office") ?? ""
      if officeKinds[office] == nil {
        reader.error(.unknownOffice, fields["office"], ["office": office, "expected": officeKinds.keys.sorted().joined(separator: ", ")])
      } else if let home = directory.office(office)?.region, home != region {
        reader.error(.officeRegion, fields["office"], ["office": office, "region": region, "home": home])
      }
      var fieldOffice: String?
      if let node = fields["field_office"], !reader.isNull(node) {
        fieldOffice = reader.string(node, context: "field_office")
        if let id = fieldOffice {
          if officeKinds[id] == nil {
            reader.error(.unknownOffice, node, ["office": id, "expected": officeKinds.keys.sorted().joined(separator: ", ")])
          } else if officeKinds[id] != "field" {
            reader.error(.notFieldOffice, node, ["office": id])
          }
        }
      }
      directory.states.append(
        .init(
          state: state, region: region, office: office, fieldOffice: fieldOffice,
          asOf: reader.string(fields["as_of"], context: "as_of") ?? "",
          source: reader.string(fields["source"], context: "source") ?? "",
          confirmed: fields["confirmed"].flatMap { reader.bool($0, context: "confirmed") } ?? false,
          location: reader.location(item)))
    }
    diagnostics += reader.diagnostics
    return directory
  }
}

extension RulesLoader {
  /// Reads `places.yaml`, if present: the counties a field office serves where a state is split,
  /// and each split state's cities by county.
  func loadPlaces(into directory: inout OfficeDirectory, _ diagnostics: inout [Diagnostic]) {
    guard folder.exists("places.yaml") else { return }
    var (reader, top, routes) = open("places.yaml", listKey: "counties", extraKeys: ["cities"], &diagnostics)
    guard !top.isEmpty else { return }
    let states = Set(directory.states.map(\.state))
    let kinds = Dictionary(directory.offices.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
    func checkState(_ state: String, _ node: Node?) {
      if !states.contains(state) {
        let known = states.sorted()
        reader.error(
          .unknownValue, node,
          [
            "fact": "state", "value": state, "expected": known.joined(separator: ", "),
            "suggestion": Suggestion.nearest(to: state, in: known) ?? "",
          ])
      }
    }
    for item in routes {
      guard
        let fields = reader.mapping(
          item, context: "county route", allowed: ["state", "field_office", "source", "confirmed", "names"],
          required: ["state", "field_office", "source", "confirmed", "names"]),
        let state = reader.string(fields["state"], context: "state"),
        let office = reader.string(fields["field_office"], context: "field_office")
      else { continue }
      checkState(state, fields["state"])
      if kinds[office] == nil {
        reader.error(.unknownOffice, fields["field_office"], ["office": office, "expected": kinds.keys.sorted().joined(separator: ", ")])
      } else if kinds[office] != "field" {
        reader.error(.notFieldOffice, fields["field_office"], ["office": office])
      }
      directory.countyRoutes.append(
        .init(
          state: state, fieldOffice: office, counties: reader.strings(fields["names"], context: "names") ?? [],
          source: reader.string(fields["source"], context: "source") ?? "",
          confirmed: fields["confirmed"].flatMap { reader.bool($0, context: "confirmed") } ?? false,
          location: reader.location(item)))
    }
    for item in reader.sequence(top["cities"], context: "cities") ?? [] {
      guard
        let fields = reader.mapping(
          item, context: "city list", allowed: ["state", "source", "by_county"], required: ["state", "source", "by_county"]),
        let state = reader.string(fields["state"], context: "state")
      else { continue }
      checkState(state, fields["state"])
      var byCounty: [(county: String, cities: [String])] = []
      for (county, _, names) in reader.orderedPairs(fields["by_county"], context: "by_county") {
        byCounty.append((county, reader.strings(names, context: county) ?? []))
      }
      directory.cities.append(
        .init(
          state: state, source: reader.string(fields["source"], context: "source") ?? "", byCounty: byCounty,
          location: reader.location(item)))
    }
    diagnostics += reader.diagnostics
  }
}

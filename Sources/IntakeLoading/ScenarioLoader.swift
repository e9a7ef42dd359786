import Foundation
import IntakeCore
import Yams

/// Reads scenario files (`Rules/scenarios/*.yaml`, or one file or folder given).
public struct ScenarioLoader {
  /// Where the scenarios are: a file or folder on disk, or a subfolder of a data folder
  /// (`scenarios` of the rules compiled into the binary).
  enum Source {
    case path(URL, displayBase: URL)
    case given(URL, shownAs: String)
    case folder(DataFolder, subfolder: String)
  }

  let source: Source

  /// - Parameters:
  ///   - path: a scenario file or a folder of them.
  ///   - displayBase: the folder paths in diagnostics are relative to.
  public init(path: URL, displayBase: URL) {
    self.source = .path(path, displayBase: displayBase)
  }

  /// - Parameters:
  ///   - path: a scenario file or a folder of them.
  ///   - shownAs: the path as the person gave it; diagnostics name the file (or the folder's
  ///     files) after it.
  public init(path: URL, shownAs: String) {
    self.source = .given(path, shownAs: shownAs)
  }

  /// The scenario files directly in `subfolder` of a rules folder, shown as `Rules/scenarios/…`.
  public init(folder: DataFolder, subfolder: String = "scenarios") {
    self.source = .folder(folder, subfolder: subfolder)
  }

  static let expectKeys: Set<String> = [
    "jurisdiction", "basis", "urgency", "services", "services_include", "services_exclude", "services_first",
    "referrals", "referrals_include", "referrals_exclude", "region", "office", "field_office", "missing",
    "missing_include", "missing_exclude", "possible_services_include", "possible_services_exclude", "office_confirmed",
  ]

  public func load() -> ([Scenario], [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let files: [(display: String, contents: () -> Data?)]
    switch source {
    case .path(let path, let displayBase):
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
        diagnostics.append(
          Diagnostic(.error, .fileUnreadable, at: SourceLocation(file: path.path, line: 1, column: 1), ["path": path.path]))
        return ([], diagnostics)
      }
      files = (isDirectory.boolValue ? RulesLoader.yamlFiles(in: path) : [path]).map { url in
        (Self.display(url, base: displayBase), { FileBytes.contents(of: url.path) })
      }
    case .given(let path, let shownAs):
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
        diagnostics.append(
          Diagnostic(.error, .fileUnreadable, at: SourceLocation(file: shownAs, line: 1, column: 1), ["path": shownAs]))
        return ([], diagnostics)
      }
      if isDirectory.boolValue {
        let folder = DataFolder.directory(path, shownAs: shownAs)
        files = folder.yamlFiles(in: "").map { relative in (folder.displayPath(relative), { folder.contents(relative) }) }
      } else {
        files = [(shownAs, { FileBytes.contents(of: path.path) })]
      }
    case .folder(let folder, let subfolder):
      files = folder.yamlFiles(in: subfolder).map { relative in (folder.displayPath(relative), { folder.contents(relative) }) }
    }
    var scenarios: [Scenario] = []
    var seen: [String: SourceLocation] = [:]
    for file in files {
      for scenario in load(file.contents(), displayPath: file.display, &diagnostics) {
        if let first = seen[scenario.id] {
          diagnostics.append(
            Diagnostic(.error, .duplicateID, at: scenario.location ?? first, ["id": scenario.id, "first": first.description]))
          continue
        }
        seen[scenario.id] = scenario.location
        scenarios.append(scenario)
      }
    }
    return (scenarios, diagnostics)
  }

  private static func display(_ url: URL, base displayBase: URL) -> String {
    let base = displayBase.standardizedFileURL.path
    let full = url.standardizedFileURL.path
    return full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : full
  }

  private func load(_ contents: Data?, displayPath: String, _ diagnostics: inout [Diagnostic]) -> [Scenario] {
    let file = YAMLFile.parse(contents, displayPath: displayPath, into: &diagnostics)
    var reader = NodeReader(file: file.path)
    guard let root = file.root,
      let top = reader.mapping(root, context: "file", allowed: ["version", "scenarios"], required: ["scenarios"])
    else {
      diagnostics += reader.diagnostics
      return []
    }
    reader.checkVersion(top, rootNode: root)
    var scenarios: [Scenario] = []
    for item in reader.sequence(top["scenarios"], context: "scenarios") ?? [] {
      guard
        let fields = reader.mapping(
          item, context: "scenario", allowed: ["id", "description", "source", "given", "expect"], required: ["id", "given", "expect"]),
        let id = reader.string(fields["id"], context: "id")
      else { continue }
      var given: [String: FactValue] = [:]
      var givenLocations: [String: SourceLocation] = [:]
      for (fact, key, value) in reader.orderedPairs(fields["given"], context: "given") {
        givenLocations[fact] = reader.location(key)
        if let parsed = reader.factValue(value, context: fact) { given[fact] = parsed }
      }
      var expect = Scenario.Expectations()
      let map = reader.mapping(fields["expect"], context: "expect", allowed: Self.expectKeys) ?? [:]
      func list(_ key: String) -> [String]? { map[key].flatMap { reader.strings($0, context: key) } }
      func one(_ key: String) -> String? { map[key].flatMap { reader.string($0, context: key) } }
      expect.jurisdiction = one("jurisdiction")
      expect.basis = list("basis")
      expect.urgency = one("urgency")
      expect.services = list("services")
      expect.servicesInclude = list("services_include") ?? []
      expect.servicesExclude = list("services_exclude") ?? []
      expect.servicesFirst = one("services_first")
      expect.referrals = list("referrals")
      expect.referralsInclude = list("referrals_include") ?? []
      expect.referralsExclude = list("referrals_exclude") ?? []
      expect.region = one("region")
      expect.office = one("office")
      if let node = map["field_office"] {
        expect.fieldOffice = .some(reader.isNull(node) ? nil : reader.string(node, context: "field_office"))
      }
      expect.missing = list("missing")
      expect.missingInclude = list("missing_include") ?? []
      expect.missingExclude = list("missing_exclude") ?? []
      expect.possibleServicesInclude = list("possible_services_include") ?? []
      expect.possibleServicesExclude = list("possible_services_exclude") ?? []
      expect.officeConfirmed = map["office_confirmed"].flatMap { reader.bool($0, context: "office_confirmed") }
      var scenario = Scenario(
        id: id, description: fields["description"].flatMap { $0.scalar?.string } ?? "",
        source: fields["source"].flatMap { reader.string($0, context: "source") }, given: given, expect: expect,
        location: reader.location(fields["id"]))
      scenario.givenLocations = givenLocations
      for (key, node) in map { scenario.expectLocations[key] = reader.location(node) }
      scenarios.append(scenario)
    }
    diagnostics += reader.diagnostics
    return scenarios
  }
}

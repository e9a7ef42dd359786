import Foundation
import IntakeCore
import Yams

/// Loads `Rules/`: facts.yaml, services.yaml, referrals.yaml, offices.yaml and rules/*.yaml,
/// reporting every problem found with file:line:column. Paths in diagnostics start with the
/// folder as it was given (`DataFolder.displayName`), as the rule author wrote it.
public struct RulesLoader {
  /// The folder read: on disk, or compiled into the binary.
  public let folder: DataFolder
  /// Every file read, in reading order: the rules version.
  let digest = ContentDigest()

  public init(directory: URL) {
    self.init(folder: .directory(directory))
  }

  public init(folder: DataFolder) {
    self.folder = folder
  }

  /// The rule set (possibly partial) and every problem found reading it.
  public func load() -> (RuleSet, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var ruleSet = RuleSet()
    digest.reset()
    ruleSet.facts = loadFacts(&diagnostics)
    ruleSet.services = loadServices(&diagnostics)
    ruleSet.referrals = loadReferrals(&diagnostics)
    ruleSet.offices = loadOffices(&diagnostics)
    // Places name states and offices: with facts.yaml or offices.yaml unread, only their own
    // reading counts.
    var placeDiagnostics: [Diagnostic] = []
    loadPlaces(into: &ruleSet.offices, &placeDiagnostics)
    let unread = diagnostics.unreadFiles
    let officesRead = !unread.contains(folder.displayPath("offices.yaml")) && !unread.contains(folder.displayPath("facts.yaml"))
    diagnostics += officesRead ? placeDiagnostics : placeDiagnostics.filter { $0.code.leavesFileUnread }
    ruleSet.questions = loadQuestions(&diagnostics)
    for file in folder.yamlFiles(in: "rules") {
      ruleSet.rules += loadRules(file, &diagnostics)
    }
    ruleSet.version = digest.version
    // Rules in a file that does not parse are missing because of it: that is reported already.
    let rulesPrefix = "\(folder.displayPath("rules"))/"
    if ruleSet.rules.isEmpty, !diagnostics.unreadFiles.contains(where: { $0.hasPrefix(rulesPrefix) }) {
      diagnostics.append(
        Diagnostic(.error, .noRules, at: SourceLocation(file: folder.displayPath("rules"), line: 1, column: 1)))
    }
    return (ruleSet, diagnostics)
  }

  /// The `.yaml` / `.yml` files of a directory, sorted by name so file order is stable.
  public static func yamlFiles(in directory: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { directory.appendingPathComponent($0) }
  }

  /// Opens a data file (`relative` to the folder): its top-level mapping and a reader for it.
  func open(_ relative: String, listKey: String, extraKeys: Set<String> = [], _ diagnostics: inout [Diagnostic])
    -> (NodeReader, [String: Node], [Node])
  {
    let file = YAMLFile.parse(
      folder.contents(relative), displayPath: folder.displayPath(relative), into: &diagnostics, digest: digest,
      digestPath: folder.ownName + "/" + relative)
    var reader = NodeReader(file: file.path)
    guard let root = file.root else { return (reader, [:], []) }
    guard let top = reader.mapping(root, context: "file", allowed: Set(["version", listKey]).union(extraKeys), required: [listKey])
    else {
      diagnostics += reader.diagnostics
      return (NodeReader(file: file.path), [:], [])
    }
    reader.checkVersion(top, rootNode: root)
    let items = reader.sequence(top[listKey], context: listKey) ?? []
    return (reader, top, items)
  }

  // MARK: facts.yaml

  func loadFacts(_ diagnostics: inout [Diagnostic]) -> [FactDefinition] {
    var (reader, _, items) = open("facts.yaml", listKey: "facts", &diagnostics)
    var facts: [FactDefinition] = []
    var seen: [String: SourceLocation] = [:]
    for item in items {
      guard
        let fields = reader.mapping(
          item, context: "fact", allowed: ["id", "type", "values", "derived", "default", "min"], required: ["id", "type"]),
        let id = reader.string(fields["id"], context: "id"),
        let typeName = reader.string(fields["type"], context: "type")
      else { continue }
      if let first = seen[id] {
        reader.error(.duplicateID, fields["id"], ["id": id, "first": first.description])
        continue
      }
      seen[id] = reader.location(fields["id"])
      guard let kind = FactDefinition.Kind(rawValue: typeName) else {
        reader.error(
          .unknownType, fields["type"],
          ["type": typeName, "expected": FactDefinition.Kind.allCases.map(\.rawValue).joined(separator: ", ")])
        continue
      }
      let values = reader.strings(fields["values"], context: "values") ?? []
      if (kind == .choice || kind == .set) && values.isEmpty {
        reader.error(.missingKey, item, ["key": "values", "context": "fact \(id)"])
      }
      var duplicates = Set<String>()
      for value in values where !duplicates.insert(value).inserted {
        reader.error(.duplicateID, fields["values"], ["id": "\(id).\(value)", "first": reader.location(fields["values"]).description])
      }
      let derived = fields["derived"].flatMap { reader.bool($0, context: "derived") } ?? false
      let defaultValue = fields["default"].flatMap { reader.string($0, context: "default") }
      if let defaultValue, !values.contains(defaultValue) {
        reader.error(
          .unknownValue, fields["default"],
          ["fact": id, "value": defaultValue, "expected": values.joined(separator: ", "), "suggestion": ""])
      }
      facts.append(
        FactDefinition(
          id: id, kind: kind, values: values, derived: derived, defaultValue: defaultValue,
          minimum: fields["min"].flatMap { reader.int($0, context: "min") }, location: reader.location(item)))
    }
    diagnostics += reader.diagnostics
    return facts
  }

  // MARK: services.yaml, referrals.yaml

  /// The id of a catalogue item, once: a repeated id is reported and the item skipped.
  private func uniqueID(_ fields: [String: Node], _ seen: inout [String: SourceLocation], _ reader: inout NodeReader) -> String? {
    guard let id = reader.string(fields["id"], context: "id") else { return nil }
    if let first = seen[id] {
      reader.error(.duplicateID, fields["id"], ["id": id, "first": first.description])
      return nil
    }
    seen[id] = reader.location(fields["id"])
    return id
  }

  func loadServices(_ diagnostics: inout [Diagnostic]) -> [ServiceDefinition] {
    var (reader, _, items) = open("services.yaml", listKey: "services", &diagnostics)
    var services: [ServiceDefinition] = []
    var seen: [String: SourceLocation] = [:]
    for item in items {
      guard
        let fields = reader.mapping(item, context: "service", allowed: ["id", "kind", "source"], required: ["id", "kind"]),
        let id = uniqueID(fields, &seen, &reader)
      else { continue }
      let kind = reader.string(fields["kind"], context: "kind") ?? ""
      if !["program", "service", "forum", "training"].contains(kind) {
        reader.error(.unknownType, fields["kind"], ["type": kind, "expected": "program, service, forum, training"])
      }
      services.append(
        ServiceDefinition(
          id: id, kind: kind, source: reader.string(fields["source"], context: "source") ?? "",
          location: reader.location(item)))
    }
    diagnostics += reader.diagnostics
    return services
  }

  func loadReferrals(_ diagnostics: inout [Diagnostic]) -> [ReferralDefinition] {
    var (reader, _, items) = open("referrals.yaml", listKey: "referrals", &diagnostics)
    var referrals: [ReferralDefinition] = []
    var seen: [String: SourceLocation] = [:]
    for item in items {
      guard
        let fields = reader.mapping(item, context: "referral", allowed: ["id", "contact", "source", "us_only"], required: ["id"]),
        let id = uniqueID(fields, &seen, &reader)
      else { continue }
      let contact = fields["contact"].flatMap { $0.scalar?.string } ?? ""
      referrals.append(
        ReferralDefinition(
          id: id, contact: contact, source: reader.string(fields["source"], context: "source") ?? "",
          usOnly: fields["us_only"].flatMap { reader.bool($0, context: "us_only") } ?? false,
          location: reader.location(item)))
    }
    diagnostics += reader.diagnostics
    return referrals
  }

  // MARK: questions.yaml

  func loadQuestions(_ diagnostics: inout [Diagnostic]) -> [Question] {
    var (reader, _, items) = open("questions.yaml", listKey: "questions", &diagnostics)
    var questions: [Question] = []
    var seen: [String: SourceLocation] = [:]
    for item in items {
      guard
        let fields = reader.mapping(
          item, context: "question", allowed: ["id", "fact", "ask_if", "always"], required: ["id", "fact"]),
        let id = reader.string(fields["id"], context: "id"),
        let fact = reader.string(fields["fact"], context: "fact")
      else { continue }
      if let first = seen[id] {
        reader.error(.duplicateID, fields["id"], ["id": id, "first": first.description])
        continue
      }
      seen[id] = reader.location(fields["id"])
      let askIf = fields["ask_if"].flatMap { reader.condition($0, context: "ask_if") }
      questions.append(
        Question(
          id: id, fact: fact, askIf: askIf,
          always: fields["always"].flatMap { reader.bool($0, context: "always") } ?? false,
          location: reader.location(fields["id"])))
    }
    diagnostics += reader.diagnostics
    return questions
  }

  // MARK: rules/*.yaml

  func loadRules(_ relative: String, _ diagnostics: inout [Diagnostic]) -> [Rule] {
    var (reader, _, items) = open(relative, listKey: "rules", &diagnostics)
    var rules: [Rule] = []
    for item in items {
      guard
        let fields = reader.mapping(
          item, context: "rule", allowed: ["id", "when", "derive", "recommend", "refer", "weight", "priority"],
          required: ["id", "when"]),
        let id = reader.string(fields["id"], context: "id")
      else { continue }
      let condition = fields["when"].flatMap { reader.condition($0, context: "when") }
      let actionKeys = ["derive", "recommend", "refer"].filter { fields[$0] != nil }
      guard actionKeys.count == 1 else {
        reader.error(.oneAction, item, ["rule": id, "count": String(actionKeys.count)])
        continue
      }
      let action: Rule.Action
      switch actionKeys[0] {
      case "derive":
        var pairs: [(fact: String, values: [String])] = []
        for (fact, _, value) in reader.orderedPairs(fields["derive"], context: "derive") {
          pairs.append((fact, reader.strings(value, context: "derive.\(fact)") ?? []))
        }
        action = .derive(pairs)
      case "recommend":
        guard let service = reader.string(fields["recommend"], context: "recommend") else { continue }
        action = .recommend(service: service, weight: fields["weight"].flatMap { reader.int($0, context: "weight") } ?? 50)
      default:
        guard let referral = reader.string(fields["refer"], context: "refer") else { continue }
        action = .refer(referral: referral)
      }
      if fields["weight"] != nil, actionKeys[0] != "recommend" {
        reader.warning(.weightUnused, fields["weight"], ["rule": id])
      }
      if fields["priority"] != nil, actionKeys[0] != "derive" {
        reader.warning(.priorityUnused, fields["priority"], ["rule": id])
      }
      guard let condition else { continue }
      rules.append(
        Rule(
          id: id, condition: condition, action: action,
          priority: fields["priority"].flatMap { reader.int($0, context: "priority") } ?? 0,
          location: reader.location(fields["id"])))
    }
    diagnostics += reader.diagnostics
    return rules
  }
}

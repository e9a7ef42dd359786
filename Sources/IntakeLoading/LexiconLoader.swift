import Foundation
import IntakeCore
import Yams

/// Reads `Rules/lexicon.yaml`: cue words, word classes, entries (phrases and the facts they
/// state), extra spellings of states, and cities.
///
/// A phrase may name a class (`"{police} … {force}"`): it stands for every combination of the
/// classes' members ("cảnh sát … đánh", "cs … xô", "deputy … tackled"…), so that a way of
/// saying something is written once for every word that can stand in it.
public struct LexiconLoader {
  /// Whether the file exists: a rules folder without a lexicon is allowed.
  let present: Bool
  /// The file's bytes; nil when it cannot be read (reported) or is not there.
  let contents: Data?
  let displayPath: String

  /// The most steps filling in one phrase's classes may take (each class filled in and each
  /// phrase it gives is one): the shipped lexicon's largest phrase takes about 2,200.
  static let maximumExpansion = 20_000
  /// The most classes filled in one inside another; more is a loop of classes naming each other.
  static let maximumClassNesting = 32

  public init(url: URL, displayPath: String) {
    self.present = FileManager.default.fileExists(atPath: url.path)
    self.contents = present ? FileBytes.contents(of: url.path) : nil
    self.displayPath = displayPath
  }

  /// The lexicon of a rules folder (`lexicon.yaml`), on disk or compiled in.
  public init(folder: DataFolder) {
    self.present = folder.exists("lexicon.yaml")
    self.contents = present ? folder.contents("lexicon.yaml") : nil
    self.displayPath = folder.displayPath("lexicon.yaml")
  }

  public func load() -> (Lexicon, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var lexicon = Lexicon()
    guard present else { return (lexicon, []) }
    let file = YAMLFile.parse(contents, displayPath: displayPath, into: &diagnostics)
    var reader = NodeReader(file: file.path)
    guard let root = file.root,
      let top = reader.mapping(
        root, context: "file",
        allowed: [
          "version", "cues", "classes", "spellings", "entries", "states", "cities", "towns", "town-states", "implications",
          "everyday",
        ], required: ["entries"])
    else {
      return (lexicon, diagnostics + reader.diagnostics)
    }
    reader.checkVersion(top, rootNode: root)
    if let cues = reader.mapping(
      top["cues"], context: "cues",
      allowed: [
        "negation", "past", "future", "ahead", "ago", "present", "hypothetical", "reported", "elsewhere",
        "police-pronouns", "pronoun-leads",
      ])
    {
      func words(_ key: String, accented: Bool = false) -> [String] {
        let allowed: Set<String> = key == "negation" ? ["en", "vi", "accented"] : ["en", "vi"]
        guard let byLanguage = reader.mapping(cues[key], context: "cues.\(key)", allowed: allowed) else { return [] }
        let languages = accented ? ["accented"] : ["en", "vi"]
        return languages.flatMap { reader.strings(byLanguage[$0], context: "cues.\(key).\($0)") ?? [] }
      }
      lexicon.negation = words("negation")
      lexicon.negationAccented = words("negation", accented: true)
      lexicon.past = words("past")
      lexicon.future = words("future")
      lexicon.ahead = words("ahead")
      lexicon.ago = words("ago")
      lexicon.present = words("present")
      lexicon.hypothetical = words("hypothetical")
      lexicon.reported = words("reported")
      lexicon.elsewhere = words("elsewhere")
      lexicon.policePronouns = words("police-pronouns")
      lexicon.pronounLeads = words("pronoun-leads")
    }
    // Word classes, named in phrases as {name}.
    var classes: [String: [String]] = [:]
    for (name, key, value) in reader.orderedPairs(top["classes"], context: "classes") {
      let members = reader.strings(value, context: "classes.\(name)") ?? []
      if members.isEmpty { reader.error(.emptyGroup, key, ["group": "classes.\(name)"]) }
      classes[name] = members
    }
    lexicon.policeNames = classes["police"] ?? []
    /// Every phrase a phrase with classes stands for; an unknown class is reported once per
    /// phrase and the phrase dropped. A member may name a class too; a phrase that would stand
    /// for too many phrases, or whose classes name each other in a loop, is reported and
    /// dropped instead of being expanded without end.
    func expand(_ phrases: [String], _ node: Node?) -> [String] {
      var out: [String] = []
      var seen = Set<UTF8Key>()
      for phrase in phrases {
        var expanded: [String] = []
        var steps = 0
        var tooLarge = false
        func walk(_ phrase: String, depth: Int) {
          if tooLarge { return }
          steps += 1
          guard steps <= Self.maximumExpansion, depth <= Self.maximumClassNesting else {
            tooLarge = true
            return
          }
          // Searched as bytes: the braces are ASCII, and a search by Characters was the
          // largest cost of loading the lexicon.
          guard let open = phrase.utf8.firstIndex(of: 0x7B), let close = phrase.utf8[open...].firstIndex(of: 0x7D) else {
            expanded.append(phrase)
            return
          }
          let name = String(phrase[phrase.index(after: open)..<close])
          guard let members = classes[name] else {
            reader.error(
              .unknownValue, node,
              ["fact": "classes", "value": name, "expected": classes.keys.sorted().joined(separator: ", "), "suggestion": ""])
            return
          }
          let head = phrase[..<open]
          let tail = phrase[phrase.index(after: close)...]
          for member in members { walk(head + member + tail, depth: depth + 1) }
        }
        walk(phrase, depth: 0)
        if tooLarge {
          reader.error(.lexiconClassExpansion, node, ["phrase": String(phrase.prefix(80)), "limit": String(Self.maximumExpansion)])
          continue
        }
        for item in expanded where seen.insert(UTF8Key(item)).inserted { out.append(item) }
      }
      return out
    }
    // Short spellings, by the word they stand for.
    for (word, key, value) in reader.orderedPairs(top["spellings"], context: "spellings") {
      let variants = reader.strings(value, context: "spellings.\(word)") ?? []
      if variants.isEmpty { reader.error(.emptyGroup, key, ["group": "spellings.\(word)"]) }
      lexicon.spellings[word, default: []] += variants
    }
    var ids = Set<String>()
    for item in reader.sequence(top["entries"], context: "entries") ?? [] {
      guard
        let fields = reader.mapping(
          item, context: "entry", allowed: ["id", "phrases", "accented", "quoted", "clears", "set", "past", "future"],
          required: ["id", "set"]),
        let id = reader.string(fields["id"], context: "id")
      else { continue }
      if !ids.insert(id).inserted {
        reader.error(.duplicateID, fields["id"], ["id": id, "first": "entries"])
        continue
      }
      func reading(_ key: String) -> [String: FactValue]? {
        guard let node = fields[key] else { return nil }
        var values: [String: FactValue] = [:]
        for (fact, _, value) in reader.orderedPairs(node, context: "\(id).\(key)") {
          if let parsed = reader.factValue(value, context: fact) { values[fact] = parsed }
        }
        return values
      }
      var entry = Lexicon.Entry(
        id: id, phrases: expand(reader.strings(fields["phrases"], context: "phrases") ?? [], fields["phrases"]),
        set: reading("set") ?? [:],
        past: reading("past"), future: reading("future"), location: reader.location(fields["id"]))
      entry.accented = expand(reader.strings(fields["accented"], context: "accented") ?? [], fields["accented"])
      entry.quoted = expand(reader.strings(fields["quoted"], context: "quoted") ?? [], fields["quoted"])
      entry.clears = reader.strings(fields["clears"], context: "clears") ?? []
      lexicon.entries.append(entry)
    }
    for (code, _, value) in reader.orderedPairs(top["states"], context: "states") {
      lexicon.stateSpellings[code] = reader.strings(value, context: "states.\(code)") ?? []
    }
    for item in reader.sequence(top["cities"], context: "cities") ?? [] {
      guard
        let fields = reader.mapping(item, context: "city", allowed: ["names", "city", "state"], required: ["names", "city", "state"]),
        let city = reader.string(fields["city"], context: "city"), let state = reader.string(fields["state"], context: "state")
      else { continue }
      lexicon.cities.append(
        Lexicon.City(
          names: reader.strings(fields["names"], context: "names") ?? [], city: city, state: state,
          location: reader.location(item)))
    }
    for item in reader.sequence(top["implications"], context: "implications") ?? [] {
      guard let fields = reader.mapping(item, context: "implication", allowed: ["when", "add"], required: ["when", "add"]) else { continue }
      var when: [String: FactValue?] = [:]
      for (fact, _, value) in reader.orderedPairs(fields["when"], context: "when") {
        if value.scalar?.string == "known" {
          when[fact] = .some(nil)
        } else if let parsed = reader.factValue(value, context: fact) {
          when[fact] = parsed
        }
      }
      var add: [String: FactValue] = [:]
      for (fact, _, value) in reader.orderedPairs(fields["add"], context: "add") {
        if let parsed = reader.factValue(value, context: fact) { add[fact] = parsed }
      }
      lexicon.implications.append(Lexicon.Implication(when: when, add: add, location: reader.location(item)))
    }
    lexicon.everyday = reader.strings(top["everyday"], context: "everyday") ?? []
    for (code, _, value) in reader.orderedPairs(top["towns"], context: "towns") {
      lexicon.towns[code, default: []] += reader.strings(value, context: "towns.\(code)") ?? []
    }
    for (name, key, value) in reader.orderedPairs(top["town-states"], context: "town-states") {
      guard let code = reader.string(value, context: "town-states.\(name)") else { continue }
      // A name's state must list it: otherwise the text would be read as a place it is not.
      if lexicon.towns[code]?.contains(name) != true {
        reader.error(
          .unknownValue, key,
          ["fact": "town-states", "value": "\(name): \(code)", "expected": "a name listed under towns.\(code)", "suggestion": ""])
        continue
      }
      lexicon.townStates[name] = code
    }
    return (lexicon, diagnostics + reader.diagnostics)
  }
}

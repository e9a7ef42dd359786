import Foundation
import IntakeCore
import IntakeFuzzing

/// Random requests for the shipped facts, written with random key order, spacing, escapes and
/// optional fields; and random damage to them.
struct RequestWriter {
  let facts: [FactDefinition]
  var random: SeededGenerator

  init(book: RuleBook, seed: UInt64) {
    facts = book.facts.filter { !$0.derived }
    random = SeededGenerator(seed: seed)
  }

  mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
  mutating func chance(_ n: Int) -> Bool { below(n) == 0 }

  static let texts = [
    "Seattle", "Houston", "San José", "Westminster", "Đà Nẵng", "  houston, tx ", "Orange County", "a\"b\\c", "tab\there",
  ]

  mutating func space() -> String { ["", "", "", " ", "  ", "\t", " \r "][below(7)] }

  /// A JSON string for `text`, each character written plainly or escaped at random.
  mutating func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\t": out += chance(2) ? "\\t" : "\\u0009"
      default:
        if scalar.value < 0x20 || (chance(8) && scalar.value != 0x2F) {
          if scalar.value > 0xFFFF {
            let v = scalar.value - 0x10000
            out += String(format: "\\u%04x\\u%04X", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))
          } else {
            out += String(format: chance(2) ? "\\u%04x" : "\\u%04X", scalar.value)
          }
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  mutating func value(_ fact: FactDefinition) -> String {
    switch fact.kind {
    case .choice: return string(fact.values[below(fact.values.count)])
    case .bool: return chance(2) ? "true" : "false"
    case .integer: return String(below(400))
    case .text: return string(Self.texts[below(Self.texts.count)])
    case .set:
      if chance(6) { return string(fact.values[below(fact.values.count)]) }
      let items = fact.values.filter { _ in chance(4) }
      return "[" + space() + items.map { string($0) }.joined(separator: space() + "," + space()) + space() + "]"
    }
  }

  mutating func line() -> [UInt8] {
    var fields: [String] = []
    var factFields: [String] = []
    for fact in facts where !chance(4) { factFields.append(string(fact.id) + space() + ":" + space() + value(fact)) }
    if chance(10) { factFields.append(string(facts[below(facts.count)].id) + ":null") }
    factFields.shuffle(using: &random)
    fields.append(string("facts") + ":" + space() + "{" + space() + factFields.joined(separator: "," + space()) + space() + "}")
    if !chance(5) {
      fields.append(string("id") + ":" + (chance(10) ? "null" : string("r\(below(100_000))" + (chance(5) ? "-é\u{1F600}\"" : ""))))
    }
    if chance(3) { fields.append(string("schema") + ":" + string("crs-intake/1")) }
    if chance(3) { fields.append(string("language") + ":" + string(chance(2) ? "vi" : "en")) }
    if chance(6) { fields.append(string("notes") + ":{" + string("violence") + ":" + string("có, bị đánh") + "}") }
    if chance(8) { fields.append(string("contact") + ":" + (chance(2) ? "null" : "{" + string("name") + ":" + string("Lan") + "}")) }
    if chance(8) { fields.append(string("outcome") + ":{\"x\":[1,-2,true,null,{\"y\":\"z\"}]}") }
    if chance(10) { fields.append(string("narrative") + ":" + (chance(2) ? "null" : "\"\"")) }
    fields.shuffle(using: &random)
    return Array((space() + "{" + space() + fields.joined(separator: space() + "," + space()) + space() + "}" + space()).utf8)
  }

  static let tokens: [[UInt8]] =
    [
      "null", "true", "1.0", "-0", "1e2", "2.5", "99999999999999999999", "\\u0000", "\\ud800", "\\udc00", "\\u007f",
      ",\"id\":\"dup\"", ",\"facts\":{}", "\"x\":1,", " ", "\r", "é", "\u{7F}", "\"", "\\", "{", "}", "[", "]", ",", ":",
      "\"state\":\"ZZ\",", "\"bases\":[\"race\"],", "\"narrative\":\"Houston\",", "\"stat\":1,",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE0, 0x80], [0x00], [0x09]]

  /// `bytes` with one to three random edits: a token inserted, a byte replaced, or a span removed.
  mutating func mutated(_ bytes: [UInt8]) -> [UInt8] {
    var bytes = bytes
    for _ in 0...below(3) {
      let at = below(bytes.count + 1)
      switch below(3) {
      case 0: bytes.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: at)
      case 1: if at < bytes.count { bytes.replaceSubrange(at...at, with: Self.tokens[below(Self.tokens.count)]) }
      default: bytes.removeSubrange(at..<min(bytes.count, at + 1 + below(4)))
      }
    }
    return bytes
  }
}

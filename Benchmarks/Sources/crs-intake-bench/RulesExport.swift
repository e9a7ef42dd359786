import Foundation
import IntakeCore

/// The shipped rules as plain JSON, for the hand-written reference screener
/// (`Benchmarks/reference/screen_orjson.py`): facts, services, referrals, every rule in file
/// order with its condition (values resolved to indices), its effect and its reason in one
/// language, the conditions of the questions (whose values are tried too), and the office of
/// every state and of every place in a state split by county. Nothing in it is compiled: the
/// reference orders the derivations, indexes nothing and works out missing facts itself.
enum RulesExport {
  static func json(_ book: RuleBook, catalog: MessageCatalog, language: Language) throws -> Data {
    let facts = book.facts
    func index(_ id: String) -> Int { book.index(ofFact: id) ?? -1 }
    func values(_ names: [String], of fact: Int) -> [Int] { names.compactMap { facts[fact].index(of: $0) } }
    func encode(_ condition: Condition) -> Any {
      switch condition {
      case .all(let children, _): return ["all": children.map(encode)]
      case .any(let children, _): return ["any": children.map(encode)]
      case .not(let child, _): return ["not": encode(child)]
      case .leaf(let leaf):
        let f = index(leaf.fact)
        var out: [String: Any] = ["fact": f, "op": leaf.op.rawValue]
        switch leaf.operand {
        case .none: break
        case .bool(let flag): out["bool"] = flag
        case .integers(let numbers): out["integers"] = numbers
        case .values(let names):
          out[facts[f].kind == .text ? "texts" : "values"] = facts[f].kind == .text ? names : values(names, of: f)
        }
        return out
      }
    }
    let rules: [[String: Any]] = book.rules.map { rule in
      var out: [String: Any] = [
        "id": rule.id, "priority": rule.priority, "condition": encode(rule.condition),
        "reason": catalog.text("reason.\(rule.id)", language),
      ]
      switch rule.action {
      case .derive(let pairs):
        out["derive"] = pairs.map { pair -> [String: Any] in
          let f = index(pair.fact)
          return ["fact": f, "values": values(pair.values, of: f)]
        }
      case .recommend(let service, let weight):
        out["recommend"] = ["service": book.services.firstIndex { $0.id == service } ?? -1, "weight": weight]
      case .refer(let referral):
        out["refer"] = book.referrals.firstIndex { $0.id == referral } ?? -1
      }
      return out
    }
    func office(_ routing: OfficeRouting) -> [String: Any] {
      var out: [String: Any] = [
        "region": routing.region, "office": routing.office, "field_office": routing.fieldOffice ?? NSNull(),
        "confirmed": routing.confirmed,
      ]
      if let county = routing.county { out["county"] = county }
      return out
    }
    let states = book.index(ofFact: "state").map { facts[$0].values } ?? []
    let export: [String: Any] = [
      "facts": facts.map { fact -> [String: Any] in
        [
          "id": fact.id, "kind": fact.kind.rawValue, "values": fact.values, "derived": fact.derived,
          "default": fact.defaultValue ?? NSNull(), "minimum": fact.minimum ?? NSNull(),
        ]
      },
      "services": book.services.map(\.id),
      "referrals": book.referrals.map(\.id),
      "rules": rules,
      "questions": book.ruleSet.questions.compactMap(\.askIf).map(encode),
      "offices": [
        "national": office(book.routing(state: nil, city: nil)),
        "states": states.indices.map { office(book.routing(state: $0, city: nil)) },
        "places": states.map { book.offices.placeRoutes(for: $0).mapValues(office) },
      ],
    ]
    return try JSONSerialization.data(withJSONObject: export, options: [.sortedKeys])
  }
}

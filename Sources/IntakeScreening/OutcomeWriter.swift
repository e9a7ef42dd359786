import IntakeCore

/// Writes a `Decision` as `OutcomeJSON.write` writes its `Outcome` (schema v1, without a trace
/// or extracted facts), byte for byte, from pieces resolved and escaped once per batch: each
/// rule's reason in the batch's language, each id, each office. A request's outcome is then
/// copies of those pieces around its line and id: no `Outcome`, no string built, no text
/// escaped twice.
final class OutcomeWriter {
  private let book: RuleBook
  /// `{"rule":…,"reason":…}` by rule (an index into `RuleBook.rules`).
  private let because: [[UInt8]]
  /// `{"id":…,"because":[` by service and by referral.
  private let serviceOpen: [[UInt8]]
  private let referralOpen: [[UInt8]]
  /// A quoted id by service and by fact.
  private let serviceIDs: [[UInt8]]
  private let factIDs: [[UInt8]]
  private var statuses = Pieces()
  private var bases = Pieces()
  private var urgencies = Pieces()
  /// The office object by state (index 0: no state), and by state and city where a state's
  /// field office depends on the city (at most `maximumPlaces` kept).
  private var officeByState: [[UInt8]?]
  private var officeByPlace: [Place: [UInt8]] = [:]
  static let maximumPlaces = 4096
  /// `{"fact":value}` of a possibility, by fact: (slot, piece).
  private var conditions: [[(slot: Int, piece: [UInt8])]]

  private struct Place: Hashable {
    var state: Int
    var city: String
  }

  /// Pieces of a derived fact's value by its slot (`Int.min`: no rule decided it).
  private struct Pieces {
    var bySlot: [Int: [UInt8]] = [:]
  }

  init(book: RuleBook, catalog: MessageCatalog, language: Language) {
    self.book = book
    func quoted(_ text: String) -> [UInt8] {
      var bytes: [UInt8] = []
      JSONText.string(text.utf8, into: &bytes)
      return bytes
    }
    because = book.rules.map { rule in
      var json = JSONText()
      json.raw("{\"rule\":")
      json.string(rule.id)
      json.raw(",\"reason\":")
      json.string(catalog.text("reason.\(rule.id)", language))
      json.raw("}")
      return json.bytes
    }
    func open(_ id: String) -> [UInt8] { Array("{\"id\":".utf8) + quoted(id) + Array(",\"because\":[".utf8) }
    serviceOpen = book.services.map { open($0.id) }
    referralOpen = book.referrals.map { open($0.id) }
    serviceIDs = book.services.map { quoted($0.id) }
    factIDs = book.facts.map { quoted($0.id) }
    officeByState = Array(repeating: nil, count: (book.index(ofFact: "state").map { book.facts[$0].values.count } ?? 0) + 1)
    conditions = Array(repeating: [], count: book.facts.count)
  }

  /// Appends the outcome of `decision` to `out`, as one JSON object.
  /// - Parameters:
  ///   - id: the request's id, decoded, if it has one.
  ///   - file: the input's name, quoted, when records name their file.
  func write(_ decision: Decision, line: Int, id: UnsafeBufferPointer<UInt8>?, file: [UInt8]?, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    if let file {
      raw("\"file\":", &out)
      out += file
      out.append(UInt8(ascii: ","))
    }
    raw("\"line\":", &out)
    Self.digits(line, &out)
    raw(",\"id\":", &out)
    if let id { JSONText.string(id, into: &out) } else { raw("null", &out) }
    raw(",\"jurisdiction\":{\"status\":", &out)
    out += piece(decision.jurisdiction, &statuses) { quoted($0.first ?? Outcome.defaultJurisdiction) }
    raw(",\"bases\":", &out)
    out += piece(decision.jurisdictionBasis, &bases) { list($0) }
    raw(",\"because\":[", &out)
    let jurisdiction = decision.jurisdiction.reasons.isEmpty ? decision.jurisdictionBasis.reasons : decision.jurisdiction.reasons
    for (k, rule) in jurisdiction.enumerated() {
      if k > 0 { out.append(UInt8(ascii: ",")) }
      out += because[rule]
    }
    raw("]},\"urgency\":", &out)
    out += piece(decision.urgency, &urgencies) { quoted($0.first ?? Outcome.defaultUrgency) }
    raw(",\"services\":[", &out)
    recommendations(decision.services, serviceOpen, referrals: false, decision, &out)
    raw("],\"referrals\":[", &out)
    recommendations(decision.referrals, referralOpen, referrals: true, decision, &out)
    raw("],\"office\":", &out)
    office(decision.state, decision.city, &out)
    raw(",\"missing\":[", &out)
    var missing = decision.missing
    var first = true
    while missing != 0 {
      let f = missing.trailingZeroBitCount
      missing &= missing - 1
      if !first { out.append(UInt8(ascii: ",")) }
      first = false
      out += factIDs[f]
    }
    raw("],\"possible_services\":[", &out)
    possibilities(decision.possibilities, &out)
    raw("]}", &out)
  }

  private func recommendations(_ targets: [Int], _ open: [[UInt8]], referrals: Bool, _ decision: Decision, _ out: inout [UInt8]) {
    for (k, target) in targets.enumerated() {
      if k > 0 { out.append(UInt8(ascii: ",")) }
      out += open[target]
      var first = true
      for reason in decision.reasons where reason.isReferral == referrals && reason.target == target {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        out += because[reason.rule]
      }
      raw("]}", &out)
    }
  }

  /// `{"id":…,"if":[…],"when":[{fact: value},…]}` per service, possibilities being grouped by service.
  private func possibilities(_ items: [Decision.Possibility], _ out: inout [UInt8]) {
    var i = 0
    while i < items.count {
      let service = items[i].service
      var j = i
      while j < items.count && items[j].service == service { j += 1 }
      if i > 0 { out.append(UInt8(ascii: ",")) }
      raw("{\"id\":", &out)
      out += serviceIDs[service]
      raw(",\"if\":[", &out)
      // Each fact once, in the order of `when`.
      var seen: UInt64 = 0
      for k in i..<j where seen & (1 &<< UInt64(items[k].fact)) == 0 {
        if seen != 0 { out.append(UInt8(ascii: ",")) }
        seen |= 1 &<< UInt64(items[k].fact)
        out += factIDs[items[k].fact]
      }
      raw("],\"when\":[", &out)
      for k in i..<j {
        if k > i { out.append(UInt8(ascii: ",")) }
        condition(items[k].fact, items[k].slot, &out)
      }
      raw("]}", &out)
      i = j
    }
  }

  private func condition(_ fact: Int, _ slot: Int, _ out: inout [UInt8]) {
    if let known = conditions[fact].first(where: { $0.slot == slot }) {
      out += known.piece
      return
    }
    var json = JSONText()
    json.raw("{")
    json.string(book.facts[fact].id)
    json.raw(":")
    OutcomeJSON.factValue(book.facts[fact].value(ofSlot: slot), &json)
    json.raw("}")
    // Only the values rules test are tried: a few per fact.
    conditions[fact].append((slot, json.bytes))
    out += json.bytes
  }

  private func office(_ state: Int?, _ city: String?, _ out: inout [UInt8]) {
    let index = state.map { $0 + 1 } ?? 0
    guard let state, let city, book.routesByPlace(state) else {
      if index < officeByState.count, let piece = officeByState[index] {
        out += piece
        return
      }
      let piece = Self.office(book.routing(state: state, city: nil))
      if index < officeByState.count { officeByState[index] = piece }
      out += piece
      return
    }
    let place = Place(state: state, city: city)
    if let piece = officeByPlace[place] {
      out += piece
      return
    }
    let piece = Self.office(book.routing(state: state, city: city))
    if officeByPlace.count >= Self.maximumPlaces { officeByPlace.removeAll(keepingCapacity: true) }
    officeByPlace[place] = piece
    out += piece
  }

  static func office(_ routing: OfficeRouting) -> [UInt8] {
    var json = JSONText()
    json.raw("{\"region\":")
    json.string(routing.region)
    json.raw(",\"office\":")
    json.string(routing.office)
    json.raw(",\"field_office\":")
    json.optionalString(routing.fieldOffice)
    json.raw(",\"confirmed\":")
    json.raw(routing.confirmed ? "true" : "false")
    if let county = routing.county {
      json.raw(",\"county\":")
      json.string(county)
    }
    json.raw("}")
    return json.bytes
  }

  /// The piece for a derived fact's value, made by `render` from the values it shows the first time.
  private func piece(_ derived: Decision.Derived, _ pieces: inout Pieces, _ render: ([String]) -> [UInt8]) -> [UInt8] {
    let key = derived.slot ?? .min
    if let piece = pieces.bySlot[key] { return piece }
    let piece = render(book.shownValues(derived))
    pieces.bySlot[key] = piece
    return piece
  }

  private func quoted(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    JSONText.string(text.utf8, into: &bytes)
    return bytes
  }

  private func list(_ texts: [String]) -> [UInt8] {
    var json = JSONText()
    json.strings(texts)
    return json.bytes
  }

  @inline(__always)
  private func raw(_ text: StaticString, _ out: inout [UInt8]) {
    out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// `value` in decimal, as `String(value)` writes it.
  static func digits(_ value: Int, _ out: inout [UInt8]) {
    if value < 0 {
      out += String(value).utf8
      return
    }
    var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &buffer) { raw in
      var n = value
      var i = raw.count
      repeat {
        i -= 1
        raw[i] = UInt8(ascii: "0") + UInt8(n % 10)
        n /= 10
      } while n > 0
      out.append(contentsOf: raw[i...])
    }
  }
}

/// The draft intake request a leader leaves with: what they told us, what the rules
/// decided, and where to send it. Rendered as Markdown (`DraftMarkdown`) or as intake JSON.
public struct DraftRequest: Sendable, Equatable {
  /// The day the draft was made, `YYYY-MM-DD`.
  public var date: String
  public var request: IntakeRequest
  public var outcome: Outcome
  /// An identifier of the rules that decided the outcome.
  public var rulesVersion: String
  /// A short reference for follow-up ("CRS-7K3F-92QD").
  public var reference: String

  /// Without a `reference`, the one the request was read with, else one made from its content.
  public init(date: String, request: IntakeRequest, outcome: Outcome, rulesVersion: String, reference: String? = nil) {
    self.date = date
    self.request = request
    self.outcome = outcome
    self.rulesVersion = rulesVersion
    self.reference = reference ?? request.reference ?? DraftReference.make(seed: Self.seed(request))
  }

  /// The request's content as text, for a reference that stays the same for the same request.
  static func seed(_ request: IntakeRequest) -> String {
    let facts = request.facts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    let contact = request.contact.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    return ([request.id ?? "", request.narrative ?? ""] + facts + contact).joined(separator: "\u{1f}")
  }

  /// The contact fields, in the order shown, that a draft may hold.
  public static let contactFields = ["name", "organization", "role", "email", "phone"]

  /// A file name for the draft: `crs-request-2026-11-25-seattle` (without extension).
  public var fileStem: String {
    var place = ""
    if case .text(let city)? = request.facts["city"] { place = city }
    if place.isEmpty, case .choice(let state)? = request.facts["state"] { place = state }
    let slug = TextFolding.fold(place).unicodeScalars.map { scalar -> Character in
      (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) && scalar.isASCII ? Character(scalar) : "-"
    }
    var text = String(slug)
    while text.contains("--") { text = text.replacingOccurrences(of: "--", with: "-") }
    text = text.trimmingCharacters(in: "-")
    return "crs-request-\(date)" + (text.isEmpty ? "" : "-" + String(text.prefix(40)))
  }
}

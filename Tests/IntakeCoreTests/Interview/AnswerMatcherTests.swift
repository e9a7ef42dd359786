import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// How typed answers are understood, over the shipped catalog (Rules/facts.yaml and the
/// labels and synonyms in Locales/en.yaml and Locales/vi.yaml). Every expected value below
/// was read from those files: the label or synonym that the input names is noted beside it.
@Suite("Answer matching on the shipped catalog")
struct AnswerMatcherTests {
  /// One row: what a user types at the question for `fact`, and what it should mean.
  struct Row: Sendable, CustomTestStringConvertible {
    var fact: String
    var input: String
    var expected: AnswerMatcher.Match
    var testDescription: String { "\(fact) ← '\(input)'" }

    init(_ fact: String, _ input: String, _ expected: AnswerMatcher.Match) {
      self.fact = fact
      self.input = input
      self.expected = expected
    }
  }

  static func yes() -> AnswerMatcher.Match { .value(.bool(true)) }
  static func no() -> AnswerMatcher.Match { .value(.bool(false)) }
  static func choice(_ value: String) -> AnswerMatcher.Match { .value(.choice(value)) }
  static func set(_ values: String...) -> AnswerMatcher.Match { .value(.set(values)) }
  static func days(_ count: Int) -> AnswerMatcher.Match { .value(.integer(count)) }
  static func invalid(_ part: String) -> AnswerMatcher.Match { .invalid(part: part) }

  static let rows: [Row] = [
    // Yes / no facts: choice numbers (1 = true, 2 = false), English and Vietnamese synonyms
    // (synonyms.<fact>.true/false), any case, with or without diacritics.
    Row("violence", "khong", no()),  // "không" without its marks
    Row("violence", "KHÔNG", no()),
    Row("violence", "ko", no()),
    Row("violence", "no", no()),
    Row("violence", "n", no()),
    Row("violence", "co", yes()),  // "có" without its marks
    Row("violence", "có", yes()),
    Row("violence", "yes", yes()),
    Row("violence", "Y", yes()),
    Row("violence", "1", yes()),
    Row("violence", "2", no()),
    Row("violence", "Không bạo lực", no()),  // vi synonym
    Row("violence", "khong co bao luc", no()),  // start of "Không có bạo lực hay đe dọa bạo lực"
    Row("violence", "nonviolent", no()),
    Row("violence", "3", invalid("3")),
    Row("violence", "  purple  ", invalid("purple")),
    Row("violence", "   ", .empty),
    Row("law_enforcement_involved", "không", no()),
    Row("law_enforcement_involved", "KHONG", no()),
    Row("law_enforcement_involved", "ko", no()),
    Row("law_enforcement_involved", "No", no()),
    Row("law_enforcement_involved", "N", no()),
    Row("law_enforcement_involved", "co", yes()),
    Row("law_enforcement_involved", "Có", yes()),
    Row("law_enforcement_involved", "YES", yes()),
    Row("law_enforcement_involved", "y", yes()),
    Row("law_enforcement_involved", "có cảnh sát", yes()),
    Row("law_enforcement_involved", "khong co canh sat", no()),
    Row("law_enforcement_involved", "no police", no()),
    Row("immediate_danger", "an toan", no()),  // "an toàn" (safe)
    Row("immediate_danger", "No one is in danger right now", no()),  // en label
    Row("immediate_danger", "Hiện không ai gặp nguy hiểm", no()),  // vi label
    Row("immediate_danger", "hien khong ai gap nguy hiem", no()),
    Row("immediate_danger", "đang nguy hiểm", yes()),
    Row("longstanding_mistrust", "mất lòng tin", yes()),
    Row("longstanding_mistrust", "no mistrust", no()),

    // Single choices: number, label, synonym in either language.
    Row("request_goal", "1", choice("prevent")),
    Row("request_goal", "2", choice("respond")),
    Row("request_goal", "prevent", choice("prevent")),
    Row("request_goal", "Phòng ngừa", choice("prevent")),
    Row("request_goal", "PHONG NGUA", choice("prevent")),
    Row("request_goal", "ung pho", choice("respond")),
    Row("request_goal", "Respond: an incident has happened", choice("respond")),
    Row("request_goal", "đã xảy ra", choice("respond")),
    Row("request_goal", "before", choice("prevent")),
    Row("request_goal", "3", invalid("3")),
    Row("request_goal", "0", invalid("0")),
    Row("parties_willing_to_meet", "có thể", choice("unsure")),  // "maybe", not "có" (yes)
    Row("parties_willing_to_meet", "co the", choice("unsure")),
    Row("parties_willing_to_meet", "maybe", choice("unsure")),
    Row("parties_willing_to_meet", "chưa", choice("no")),
    Row("parties_willing_to_meet", "khong chac", choice("unsure")),
    Row("parties_willing_to_meet", "co", choice("yes")),
    Row("requester_role", "police", choice("law_enforcement")),
    Row("requester_role", "cảnh sát", choice("law_enforcement")),
    Row("requester_role", "cong an", choice("law_enforcement")),
    Row("requester_role", "lanh dao ton giao", choice("faith_leader")),
    Row("requester_role", "Lãnh đạo", choice("community_leader")),
    Row("requester_role", "pastor", choice("faith_leader")),

    // Several choices: numbers with commas or spaces, labels joined by "and" / "và" / "va",
    // "&" or "/", labels one after another without separators, in catalog order.
    Row("bases", "1,3", set("race", "national_origin")),
    Row("bases", "1 3", set("race", "national_origin")),
    Row("bases", "3, 1", set("race", "national_origin")),
    Row("bases", "1,3,3", set("race", "national_origin")),
    Row("bases", "chủng tộc, tôn giáo", set("race", "religion")),
    Row("bases", "race and religion", set("race", "religion")),
    Row("bases", "chung toc va ton giao", set("race", "religion")),
    Row("bases", "race & religion", set("race", "religion")),
    Row("bases", "race/religion", set("race", "religion")),
    Row("bases", "race religion disability", set("race", "religion", "disability")),
    Row("bases", "national origin religion", set("national_origin", "religion")),
    Row("bases", "chủng tộc tôn giáo", set("race", "religion")),
    Row("bases", "nguon goc quoc gia ton giao", set("national_origin", "religion")),
    Row("bases", "Gender identity", set("gender_identity")),
    Row("bases", "gender", set("gender")),  // a synonym of gender, not the start of "gender identity"
    Row("bases", "đồng tính", set("sexual_orientation")),
    Row("bases", "không chắc", set("unsure")),  // not "không" (none)
    Row("bases", "khong chac", set("unsure")),
    Row("incident_types", "hate crime and threats", set("hate_crime", "threats")),
    Row("incident_types", "thu ghet va de doa", set("hate_crime", "threats")),
    Row("incident_types", "police use of force hate crime", set("police_use_of_force", "hate_crime")),
    Row("incident_types", "tội ác vì thù ghét đe dọa", set("hate_crime", "threats")),
    Row("settings", "school", set("k12_school")),
    Row("settings", "chùa", set("place_of_worship")),
    Row("settings", "Nơi thờ phượng, khu pho", set("place_of_worship", "neighborhood")),
    Row("wants", "hoa giai va dao tao", set("mediation", "training")),
    Row("wants", "mediation training", set("mediation", "training")),
    Row("wants", "2 7", set("mediation", "advice")),
    // "none" / "không có" (answer.none in both languages): the empty set.
    Row("bases", "none", set()),
    Row("bases", "NONE", set()),
    Row("bases", "không có", set()),
    Row("bases", "Không Có", set()),
    Row("bases", "khong", set()),
    Row("bases", "no", set()),
    Row("settings", "khong co", set()),
    // The part that does not fit is named.
    Row("bases", "race, purple", invalid("purple")),
    Row("bases", "1, 12", invalid("12")),
    Row("bases", "1 99", invalid("99")),
    Row("wants", "dialogue and pizza", invalid("pizza")),

    // A prefix of three letters or more that starts two choices: ask which one.
    Row("incident_types", "police", .ambiguous(["police_use_of_force", "police_misconduct"])),
    Row("incident_types", "cảnh sát", .ambiguous(["police_use_of_force", "police_misconduct"])),
    Row("incident_types", "canh sat", .ambiguous(["police_use_of_force", "police_misconduct"])),
    Row("bases", "gend", .ambiguous(["gender", "gender_identity"])),
    Row("settings", "trường", .ambiguous(["k12_school", "college_campus"])),
    Row("settings", "truong", .ambiguous(["k12_school", "college_campus"])),
    Row("settings", "community", .ambiguous(["college_campus", "community_center"])),
    Row("requester_role", "comm", .ambiguous(["community_leader", "resident"])),
    Row("state", "new", .ambiguous(["NH", "NJ", "NM", "NY"])),
    Row("state", "north", .ambiguous(["NC", "ND", "MP"])),
    Row("state", "miss", .ambiguous(["MS", "MO"])),

    // Numbers of days (DayCount): digits, and words from answer.days / answer.number /
    // answer.unit in both languages.
    Row("incident_days_ago", "3", days(3)),
    Row("incident_days_ago", "0", days(0)),
    Row("incident_days_ago", "hôm qua", days(1)),
    Row("incident_days_ago", "hom qua", days(1)),
    Row("incident_days_ago", "yesterday", days(1)),
    Row("incident_days_ago", "hôm nay", days(0)),
    Row("incident_days_ago", "today", days(0)),
    Row("incident_days_ago", "hôm kia", days(2)),
    Row("incident_days_ago", "tuần trước", days(7)),
    Row("incident_days_ago", "last week", days(7)),
    Row("incident_days_ago", "2 tuần", days(14)),
    Row("incident_days_ago", "2 weeks", days(14)),
    Row("incident_days_ago", "two weeks ago", days(14)),
    Row("incident_days_ago", "hai tuần trước", days(14)),
    Row("incident_days_ago", "ba ngày", days(3)),
    Row("incident_days_ago", "3 ngày trước", days(3)),
    Row("incident_days_ago", "mười ngày", days(10)),
    Row("incident_days_ago", "một tháng", days(30)),
    Row("incident_days_ago", "hai năm", days(730)),
    // "đây" folds like the English "day": before the count it is "cách đây".
    Row("incident_days_ago", "cách đây năm bữa", days(5)),
    Row("incident_days_ago", "cach day 3 ngay", days(3)),
    Row("incident_days_ago", "3.", days(3)),
    Row("incident_days_ago", "-1", invalid("-1")),
    Row("incident_days_ago", "abc", invalid("abc")),
    Row("event_in_days", "ngày mai", days(1)),
    Row("event_in_days", "tuần sau", days(7)),
    Row("event_in_days", "next week", days(7)),
    Row("event_in_days", "in 3 days", days(3)),

    // States and territories: the values are the two-letter codes; names in either
    // language; "outside" / "nước ngoài" (synonyms.state.outside_us).
    Row("state", "Washington", choice("WA")),
    Row("state", "wa", choice("WA")),
    Row("state", "WA", choice("WA")),
    Row("state", "washing", .ambiguous(["WA", "DC"])),
    Row("state", "Washington, DC", choice("DC")),
    Row("state", "US Virgin Islands", choice("VI")),
    Row("state", "outside the US", choice("outside_us")),
    Row("state", "tx", choice("TX")),
    Row("state", "Texas", choice("TX")),
    Row("state", "TEXAS", choice("TX")),
    Row("state", "tex", choice("TX")),
    Row("state", "dc", choice("DC")),
    Row("state", "Đặc khu Columbia", choice("DC")),
    Row("state", "dac khu columbia", choice("DC")),
    Row("state", "Puerto Rico", choice("PR")),
    Row("state", "Samoa", choice("AS")),  // start of "Samoa thuộc Mỹ"
    Row("state", "vi", choice("VI")),  // the code of the U.S. Virgin Islands
    Row("state", "outside", choice("outside_us")),
    Row("state", "nước ngoài", choice("outside_us")),
    Row("state", "nuoc ngoai", choice("outside_us")),
    Row("state", "abroad", choice("outside_us")),
    Row("state", "Ngoài nước Mỹ", choice("outside_us")),
    Row("state", "Narnia", invalid("Narnia")),

    // Free text is kept as typed, without the surrounding spaces.
    Row("city", "  Hà Nội ", .value(.text("Hà Nội"))),
    Row("city", "Seattle", .value(.text("Seattle"))),
  ]

  @Test("A typed answer means what the catalog says", arguments: rows)
  func match(_ row: Row) throws {
    let book = try ShippedData.book()
    let fact = try #require(book.ruleSet.fact(row.fact), "no fact '\(row.fact)' in the shipped rules")
    let matcher = AnswerMatcher(fact: fact, catalog: ShippedData.loaded.catalog)
    #expect(matcher.match(row.input) == row.expected, "\(row.fact) ← '\(row.input)'")
  }

  /// Polite and Southern answers (Locales/vi.yaml, answer.* and synonyms.*), read the way the
  /// interview reads them: "dạ không", "không ạ", "hổng có" are answers, but a bare "dạ" only
  /// acknowledges the question and is never taken as yes.
  @Test(
    "Polite and Southern yes and no are read; a bare 'dạ' is not a yes",
    arguments: [
      ("parties_willing_to_meet", "dạ", AnswerReader.Reading.invalid(part: "dạ")),
      ("violence", "dạ", .invalid(part: "dạ")),
      ("immediate_danger", "Dạ.", .invalid(part: "Dạ")),
      ("parties_willing_to_meet", "dạ có", .value(.choice("yes"), note: nil)),
      ("parties_willing_to_meet", "dạ được", .value(.choice("yes"), note: nil)),
      ("parties_willing_to_meet", "không ạ", .value(.choice("no"), note: nil)),
      ("parties_willing_to_meet", "hổng", .value(.choice("no"), note: nil)),
      ("violence", "dạ không", .value(.bool(false), note: nil)),
      ("violence", "hong co", .value(.bool(false), note: nil)),
      ("violence", "dạ phải", .value(.bool(true), note: nil)),
      ("law_enforcement_involved", "chỉ đến giải quyết", .value(.bool(false), note: nil)),
      ("law_enforcement_involved", "only responded", .value(.bool(false), note: nil)),
      ("bases", "ko có", .value(.set([]), note: nil)),
      ("settings", "nơi thờ tự", .value(.set(["place_of_worship"]), note: nil)),
      ("settings", "thanh that", .value(.set(["place_of_worship"]), note: nil)),
      ("requester_role", "hội đoàn", .value(.choice("community_leader"), note: nil)),
    ] as [(String, String, AnswerReader.Reading)])
  func politeAnswers(_ factId: String, _ input: String, _ expected: AnswerReader.Reading) throws {
    let book = try ShippedData.book()
    let fact = try #require(book.ruleSet.fact(factId))
    let reader = AnswerReader(matcher: AnswerMatcher(fact: fact, catalog: ShippedData.loaded.catalog))
    #expect(reader.read(input) == expected, "\(factId) ← '\(input)'")
  }

  @Test("The table covers every asked fact kind with at least 70 rows")
  func tableSize() {
    #expect(Self.rows.count >= 70)
    let facts = Set(Self.rows.map(\.fact))
    for fact in ["violence", "request_goal", "bases", "incident_days_ago", "state", "city"] {
      #expect(facts.contains(fact))
    }
  }

  /// Every choice shown on screen can be typed back: its number (where the choices are
  /// listed), its label in English, in Vietnamese, and in Vietnamese without diacritics.
  @Test(
    "Each choice's number and labels in both languages name that choice",
    arguments: [
      "immediate_danger", "request_goal", "state", "bases", "incident_types", "violence", "law_enforcement_involved",
      "longstanding_mistrust", "settings", "planned_event", "requester_role", "wants", "parties_willing_to_meet",
      "leaders_committed",
    ])
  func labelsRoundTrip(_ factId: String) throws {
    let book = try ShippedData.book()
    let catalog = ShippedData.loaded.catalog
    let fact = try #require(book.ruleSet.fact(factId))
    let matcher = AnswerMatcher(fact: fact, catalog: catalog)
    let values = AnswerMatcher.values(of: fact)
    for (index, value) in values.enumerated() {
      let expected: AnswerMatcher.Match
      switch fact.kind {
      case .bool: expected = .value(.bool(value == "true"))
      case .set: expected = .value(.set([value]))
      default: expected = .value(.choice(value))
      }
      let english = catalog.text("value.\(factId).\(value)", .en)
      let vietnamese = catalog.text("value.\(factId).\(value)", .vi)
      var inputs = [english, vietnamese, TextFolding.fold(vietnamese), english.uppercased()]
      // The states are not listed with numbers, so only the short lists take a number.
      if values.count <= 15 { inputs.append(String(index + 1)) }
      for input in inputs {
        #expect(matcher.match(input) == expected, "\(factId) ← '\(input)'")
      }
    }
  }
}

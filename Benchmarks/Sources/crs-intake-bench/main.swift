// Benchmark helper for crs-intake (see Benchmarks/README.md):
//   crs-intake-bench generate N [SEED]          N synthetic requests as JSON Lines on stdout
//   crs-intake-bench engine N [EXTRA_RULES]     evaluation cost per request, data already decoded
//   crs-intake-bench rules-json [LANG [RULES LOCALES]]   the rules as JSON (the shipped ones, or the
//                                               folders given), for the reference screeners
import Foundation
import IntakeCore
import IntakeFuzzing
import IntakeLoading

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
let data = IntakeData.load(
  rules: root.appendingPathComponent("Rules"), locales: root.appendingPathComponent("Locales"))
guard data.book != nil else {
  FileHandle.standardError.write(Data("The shipped rules do not load; run crs-intake check.\n".utf8))
  exit(65)
}
let arguments = CommandLine.arguments.dropFirst()

switch arguments.first {
case "generate":
  let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
  let seed = arguments.dropFirst(2).first.flatMap { UInt64($0) } ?? 2026
  var generator = RandomRequest(seed: seed)
  var buffer = ""
  buffer.reserveCapacity(1 << 17)
  for i in 0..<count {
    buffer += generator.jsonLine(data.ruleSet.facts, index: i)
    buffer += "\n"
    if buffer.utf8.count >= 1 << 16 {
      FileHandle.standardOutput.write(Data(buffer.utf8))
      buffer.removeAll(keepingCapacity: true)
    }
  }
  FileHandle.standardOutput.write(Data(buffer.utf8))

case "rules-json":
  // The rules as JSON for the reference screeners (Benchmarks/reference/), reasons in LANG:
  // the shipped ones, or those of the RULES and LOCALES folders given (a generated set).
  let language = arguments.dropFirst().first.flatMap(Language.init(rawValue:)) ?? .en
  var exported = data
  if arguments.count >= 4 {
    let folders = Array(arguments.dropFirst(2).prefix(2))
    exported = IntakeData.load(rules: URL(fileURLWithPath: folders[0]), locales: URL(fileURLWithPath: folders[1]))
  }
  guard let book = exported.book else {
    FileHandle.standardError.write(Data("The rules do not load; run crs-intake check on them.\n".utf8))
    exit(65)
  }
  do {
    FileHandle.standardOutput.write(try RulesExport.json(book, catalog: exported.catalog, language: language))
  } catch {
    FileHandle.standardError.write(Data("the rules could not be written as JSON: \(error)\n".utf8))
    exit(1)
  }

case "engine":
  let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
  let extra = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 0
  let ruleSet = SyntheticRules.add(extra, to: data.ruleSet)
  let (compiled, diagnostics) = RuleBook.compile(ruleSet)
  guard let book = compiled else {
    FileHandle.standardError.write(Data("synthetic rules did not compile: \(diagnostics.prefix(3))\n".utf8))
    exit(1)
  }
  var generator = RandomRequest(seed: 7)
  var tables: [FactTable] = []
  tables.reserveCapacity(count)
  for _ in 0..<count {
    if case .success(let table) = book.table(for: generator.facts(ruleSet.facts)) { tables.append(table) }
  }
  let evaluator = Evaluator(book: book)
  let clock = ContinuousClock()
  var evaluateRuns: [Double] = []
  var outcomeRuns: [Double] = []
  var checksum = 0
  for _ in 0..<7 {
    let start = clock.now
    for table in tables {
      evaluator.evaluate(table)
      checksum &+= Int(truncatingIfNeeded: evaluator.missingMask)
    }
    let elapsed = clock.now - start
    evaluateRuns.append(Double(elapsed.components.attoseconds) / 1e9 + Double(elapsed.components.seconds) * 1e9)
  }
  for _ in 0..<3 {
    let start = clock.now
    for table in tables.prefix(count / 4) {
      evaluator.evaluate(table)
      checksum &+= evaluator.outcome(catalog: data.catalog, language: .en).services.count
    }
    let elapsed = clock.now - start
    outcomeRuns.append(Double(elapsed.components.attoseconds) / 1e9 + Double(elapsed.components.seconds) * 1e9)
  }
  let perRequest = evaluateRuns.sorted()[evaluateRuns.count / 2] / Double(tables.count)
  let perOutcome = outcomeRuns.sorted()[outcomeRuns.count / 2] / Double(count / 4)
  print(
    String(
      format: "rules=%d requests=%d evaluate_ns_per_request=%.0f evaluate_plus_outcome_ns_per_request=%.0f (checksum %d)",
      book.rules.count, tables.count, perRequest, perOutcome, checksum))

case "load":
  // Where loading time goes: reading Rules/, reading Locales/, compiling, checking.
  let clock = ContinuousClock()
  var rules = RuleSet()
  var catalog = MessageCatalog()
  var lexicon = Lexicon()
  let rulesURL = root.appendingPathComponent("Rules")
  let localesURL = root.appendingPathComponent("Locales")
  let phases: [(String, () -> Void)] = [
    ("read Rules/", { rules = RulesLoader(directory: rulesURL).load().0 }),
    ("read Locales/", { catalog = LocalesLoader(directory: localesURL).load().0 }),
    ("compile", { _ = RuleBook.compile(rules) }),
    ("check", { _ = RuleSetLint(ruleSet: rules, catalog: catalog).run() }),
    (
      "read lexicon",
      { lexicon = LexiconLoader(url: rulesURL.appendingPathComponent("lexicon.yaml"), displayPath: "lexicon.yaml").load().0 }
    ),
    ("check lexicon", { _ = LexiconLint(lexicon: lexicon, ruleSet: rules).run() }),
    ("compile lexicon", { _ = RuleBook.compile(rules).0.map { NarrativeReader(lexicon: lexicon, book: $0, catalog: catalog) } }),
  ]
  for (name, phase) in phases {
    var runs: [Duration] = []
    for _ in 0..<9 { runs.append(clock.measure(phase)) }
    print(name, runs.sorted()[4])
  }

case "answer":
  // Time to handle one typed answer as people type them (particles, "không biết", "có, …",
  // a few words read with the lexicon), planning the next question, on the real path.
  guard let book = data.book, let reader = data.narrativeReader() else { exit(65) }
  let scripts = [
    [
      "", "no", "respond", "Washington", "race", "police use of force", "3", "no", "yes", "yes", "neighborhood",
      "no", "community leader", "dialogue", "unsure", "yes", "Seattle",
    ],
    [
      "", "dạ không ạ", "ứng phó", "Texas", "chủng tộc", "tội ác thù hận", "ko bit", "có, tụi nó chửi rồi đập kính xe",
      "không", "không", "khu phố", "không", "cư dân", "cảnh sát", "2", "Houston",
    ],
  ]
  let clock = ContinuousClock()
  var times: [Duration] = []
  for round in 0..<50 {
    var conversation = Conversation(book: book, catalog: data.catalog, language: round % 2 == 0 ? .en : .vi, narrativeReader: reader)
    _ = conversation.start()
    for line in scripts[round % 2] where !conversation.isFinished {
      times.append(clock.measure { _ = conversation.handle(line) })
    }
  }
  times.sort()
  print(
    "answer handled: median=\(times[times.count / 2]) p95=\(times[times.count * 95 / 100]) max=\(times.last ?? .zero) (\(times.count) answers)"
  )

case "narrative":
  // Reading a 2,000-character description with the shipped lexicon: descriptions written the
  // way people write them (with and without marks, mixed, simple English), joined.
  guard let reader = data.narrativeReader() else { exit(65) }
  let sentences = [
    "Chùa tụi tui ở Houston bị vẽ bậy chữ thập ngoặc tuần trước, ko ai bị thương, mà bà con sợ lắm. ",
    "em trai em bi canh sat dallas chich dien 3 lan trong luc da bi con tay roi 2 tuan truoc co video tren facebook. ",
    "Yesterday in Eden Center parking lot 3 teen boy throw egg at my uncle and aunt, call them 'gook', laugh and film on phone. ",
    "Tuần sau tụi em tính tổ chức tuần hành ở Little Saigon, sợ có người tới phá nên muốn xin hướng dẫn giữ an ninh. ",
    "The police chief and our Vietnamese community have not trusted each other for years, nobody was hurt this time. ",
    "con tui hoc lop 9 o truong Bolsa Grande bi may dua ban cung lop chui 'an thit cho' roi danh, thay hieu truong ko lam gi. ",
  ]
  var text = ""
  var k = 0
  while text.count < 2_000 {
    text += sentences[k % sentences.count]
    k += 1
  }
  text = String(text.prefix(2_000))
  let clock = ContinuousClock()
  var runs: [Duration] = []
  var found = 0
  // `narrative READS`: fewer reads, so that an instruction count (callgrind) of two runs
  // gives the cost of one read by difference.
  let reads = arguments.dropFirst().first.flatMap { Int($0) } ?? 2_000
  for _ in 0..<reads {
    runs.append(clock.measure { found = reader.read(text).findings.count })
  }
  if runs.isEmpty { runs.append(.zero) }
  runs.sort()
  let compile = clock.measure { _ = data.narrativeReader() }
  print(
    "narrative chars=\(text.count) findings=\(found) read_median=\(runs[runs.count / 2]) read_p99=\(runs[runs.count * 99 / 100]) read_max=\(runs.last ?? .zero) compile=\(compile)"
  )

case "fuzz":
  // N random inputs (lexicon phrases, numbers, units, punctuation, odd characters, both
  // languages) through the narrative reader and the answer reader of every question: no
  // crash, no hang (the slowest input is printed), every reading a value its fact can hold.
  let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000
  let seed = arguments.dropFirst(2).first.flatMap { UInt64($0) } ?? 2026
  guard let book = data.book, let reader = data.narrativeReader() else { exit(65) }
  let questions = book.ruleSet.facts.filter { !$0.derived && $0.kind != .text }
  let answerReaders = questions.map { AnswerReader(matcher: AnswerMatcher(fact: $0, catalog: data.catalog), narrative: reader) }
  var random = RandomNarrative(seed: seed, lexicon: data.lexicon)
  let clock = ContinuousClock()
  var slowestNarrative = Duration.zero
  var slowestAnswer = Duration.zero
  var slowestText = ""
  var findings = 0
  var invalid = 0
  func fits(_ fact: FactDefinition, _ value: FactValue) -> Bool {
    switch (fact.kind, value) {
    case (.set, .set(let values)): return values.allSatisfy(fact.values.contains)
    case (.choice, .choice(let v)): return fact.values.contains(v)
    case (.bool, .bool), (.text, .text), (.text, .choice): return true
    case (.integer, .integer(let n)): return n >= (fact.minimum ?? 0)
    default: return false
    }
  }
  let started = clock.now
  for i in 0..<count {
    let text = random.text(maxPieces: i % 10 == 0 ? 80 : 16)
    let q = i % questions.count
    var extraction: NarrativeExtraction?
    var answer = AnswerReader.Reading.empty
    let narrativeTime = clock.measure { extraction = reader.read(text) }
    let answerTime = clock.measure { answer = answerReaders[q].read(text) }
    if narrativeTime > slowestNarrative { slowestNarrative = narrativeTime }
    if answerTime > slowestAnswer {
      slowestAnswer = answerTime
      slowestText = text
    }
    let read = extraction?.findings ?? []
    findings += read.count
    for finding in read where !(book.ruleSet.fact(finding.fact).map { fits($0, finding.value) } ?? false) { invalid += 1 }
    if case .value(let value, _) = answer, !fits(questions[q], value) { invalid += 1 }
  }
  let total = clock.now - started
  print(
    "fuzz inputs=\(count) seed=\(seed) findings=\(findings) invalid_readings=\(invalid) total=\(total) slowest_description=\(slowestNarrative) slowest_answer=\(slowestAnswer) (\(slowestText.count) characters)"
  )
  if invalid > 0 { exit(1) }

default:
  FileHandle.standardError.write(
    Data(
      "usage: crs-intake-bench generate N [SEED] | engine N [EXTRA_RULES] | rules-json [LANG [RULES LOCALES]] | load | answer | narrative | fuzz N [SEED]\n"
        .utf8))
  exit(64)
}

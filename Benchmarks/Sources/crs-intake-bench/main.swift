// Benchmark helper for crs-intake (see Benchmarks/README.md):
//   crs-intake-bench generate N [SEED]          N synthetic requests as JSON Lines on stdout
//   crs-intake-bench engine N [EXTRA_RULES]     evaluation cost per request, data already decoded
import Foundation
import IntakeCore
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
  var generator = RequestGenerator(seed: seed)
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

case "engine":
  let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
  let extra = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 0
  let ruleSet = SyntheticRules.add(extra, to: data.ruleSet)
  let (compiled, diagnostics) = RuleBook.compile(ruleSet)
  guard let book = compiled else {
    FileHandle.standardError.write(Data("synthetic rules did not compile: \(diagnostics.prefix(3))\n".utf8))
    exit(1)
  }
  var generator = RequestGenerator(seed: 7)
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
  let rulesURL = root.appendingPathComponent("Rules")
  let localesURL = root.appendingPathComponent("Locales")
  let phases: [(String, () -> Void)] = [
    ("read Rules/", { rules = RulesLoader(directory: rulesURL).load().0 }),
    ("read Locales/", { catalog = LocalesLoader(directory: localesURL).load().0 }),
    ("compile", { _ = RuleBook.compile(rules) }),
    ("check", { _ = RuleSetLint(ruleSet: rules, catalog: catalog).run() }),
  ]
  for (name, phase) in phases {
    var runs: [Duration] = []
    for _ in 0..<9 { runs.append(clock.measure(phase)) }
    print(name, runs.sorted()[4])
  }

case "answer":
  // Time to handle one typed answer (match it, save nothing, plan the next question).
  guard let book = data.book else { exit(65) }
  let script = ["no", "respond", "Washington", "race", "police use of force", "3", "no", "yes", "yes", "neighborhood",
    "no", "community leader", "dialogue", "unsure", "yes", "Seattle"]
  let clock = ContinuousClock()
  var times: [Duration] = []
  for _ in 0..<50 {
    var conversation = Conversation(book: book, catalog: data.catalog, language: .en)
    _ = conversation.start()
    for line in script where !conversation.isFinished {
      times.append(clock.measure { _ = conversation.handle(line) })
    }
  }
  times.sort()
  print("answer handled: median=\(times[times.count / 2]) p95=\(times[times.count * 95 / 100]) max=\(times.last ?? .zero) (\(times.count) answers)")

case "narrative":
  // Extraction time for a 2,000-character narrative with the shipped lexicon.
  guard let reader = data.narrativeReader() else { exit(65) }
  let sentences = [
    "Our pagoda in Houston received threatening letters last week, and nobody was hurt. ",
    "Chùa chúng tôi ở Hiu-xtơn nhận được thư đe dọa tuần trước, không có ai bị thương. ",
    "The police were not involved, but students at the high school are afraid. ",
    "Cong dong nguoi Viet o Cali lo lang vi se co bieu tinh tuan sau. ",
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
  for _ in 0..<200 {
    runs.append(clock.measure { found = reader.read(text).findings.count })
  }
  runs.sort()
  let compile = clock.measure { _ = data.narrativeReader() }
  print("narrative chars=\(text.count) findings=\(found) read_median=\(runs[runs.count / 2]) read_max=\(runs.last ?? .zero) compile=\(compile)")

default:
  FileHandle.standardError.write(Data("usage: crs-intake-bench generate N [SEED] | engine N [EXTRA_RULES] | load | narrative\n".utf8))
  exit(64)
}

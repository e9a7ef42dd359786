import IntakeCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Screens a stream of intake requests against a rule book and writes one outcome per
/// request as it goes: memory stays flat whatever the size of the batch. A request that
/// cannot be read is reported on stderr with its line number and written as an error
/// record; the rest of the batch is still screened.
public final class Screener {
  public let book: RuleBook
  public let catalog: MessageCatalog
  public let language: Language
  public let format: OutputFormat
  public let includeTrace: Bool
  /// Reads facts from requests' narratives (they count as unconfirmed), if given.
  public var narrativeReader: NarrativeReader?
  /// The same, built only when a request first has a narrative (compiling the lexicon takes
  /// longer than screening thousands of requests without one).
  public var lazyNarrativeReader: LazyNarrativeReader?
  /// Whether plainly good requests are read straight from their bytes (`RequestReader`) and
  /// their outcomes written from pieces (`OutcomeWriter`); false sends every request through
  /// Foundation and `Outcome`, for tests that hold the two paths to the same output.
  public var readsBytes = true
  /// Whether each record names the file it came from (a batch of several files).
  public var namesFiles = false
  /// A progress bar on stderr, for a long batch on a terminal.
  public var progress: ProgressMeter?
  /// The table's layout, for the terminal's width.
  private let table: TableRow
  private let evaluator: Evaluator
  private let decoder = RequestDecoder()
  private let reader: RequestReader
  private let writer: OutcomeWriter
  /// The request being screened from its bytes, and what the rules decided: kept and reused.
  /// (Stored, not lazy: a lazy property passed `inout` is copied, and its arrays with it.)
  private var facts: FactTable
  private var decision = Decision()
  /// The file last named in a record, quoted.
  private var quotedName: (name: String, bytes: [UInt8])?
  /// How much is read at a time.
  static let readSize = 1 << 18
  private let output: ByteSink
  private let errors: ByteSink
  private var recordsWritten = 0

  /// Requests screened, and requests rejected, so far.
  public private(set) var screened = 0
  public private(set) var rejected = 0
  /// Of the requests screened, those read straight from their bytes (`readsBytes`).
  public private(set) var readFromBytes = 0

  public init(
    book: RuleBook, catalog: MessageCatalog, language: Language, format: OutputFormat, includeTrace: Bool = false,
    output: ByteSink, errors: ByteSink, width: Int = 80
  ) {
    self.table = TableRow(width: width)
    self.book = book
    self.catalog = catalog
    self.language = language
    self.format = format
    self.includeTrace = includeTrace
    self.evaluator = Evaluator(book: book)
    self.output = output
    self.reader = RequestReader(book: book)
    self.writer = OutcomeWriter(book: book, catalog: catalog, language: language)
    self.facts = FactTable(for: book)
    self.errors = errors
  }

  /// Writes what comes before the first record (the JSON array's bracket, a header row).
  public func begin() {
    switch format {
    case .json: output.write("[\n")
    case .csv: output.write(CSVRow.header(catalog, language))
    case .table: output.write(table.header(catalog, language))
    case .jsonl: break
    }
  }

  /// Closes the output (the JSON array's bracket) and flushes.
  public func end() {
    progress?.finish()
    if format == .json { output.write(recordsWritten == 0 ? "]\n" : "\n]\n") }
    output.flush()
    errors.flush()
  }

  /// Reads `descriptor` to its end, screening every request. `name` labels stderr messages.
  /// Returns false when the input could not be read at all.
  @discardableResult
  public func screen(descriptor: Int32, name: String) -> Bool {
    var splitter = RecordSplitter()
    var buffer = [UInt8](repeating: 0, count: Self.readSize)
    // The start of a line not ended by the last read, kept at the buffer's start.
    var kept = 0
    while true {
      if kept == buffer.count {
        // A line longer than the buffer: the splitter takes it byte by byte (and keeps no
        // more of it than a record may have).
        buffer.withUnsafeBufferPointer { splitter.feed($0) { screen($0, name: name) } }
        kept = 0
      }
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress.map { $0 + kept }, $0.count - kept) }
      if count < 0 {
        if errno == EINTR { continue }
        return false
      }
      if count == 0 { break }
      let total = kept + count
      let used = buffer.withUnsafeBufferPointer { buffer in
        splitter.feed(
          UnsafeBufferPointer(rebasing: buffer[0..<total]), holdingPartialLine: true,
          lines: { screenFromBytes($0, line: $1, name: name) }, { screen($0, name: name) })
      }
      kept = total - used
      if kept > 0 { buffer.withUnsafeMutableBufferPointer { $0.baseAddress?.update(from: $0.baseAddress! + used, count: kept) } }
      // What was read is answered now: a slow producer sees each outcome at once.
      output.flush()
      errors.flush()
      // Output that cannot be written (a closed pipe, a full disk): stop at once.
      if output.failure != nil { return true }
      progress?.advance(bytes: count, records: screened + rejected)
    }
    _ = buffer.withUnsafeBufferPointer { buffer in
      splitter.feed(
        UnsafeBufferPointer(rebasing: buffer[0..<kept]), holdingPartialLine: false,
        lines: { screenFromBytes($0, line: $1, name: name) }, { screen($0, name: name) })
    }
    splitter.finish { screen($0, name: name) }
    return true
  }

  /// Screens one record of a batch.
  public func screen(_ record: RecordSplitter.Record, name: String) {
    if record.oversized {
      let problem = RequestProblem(
        "record-too-large", ["line": String(record.line), "limit": RecordSplitter.maximumRecordDescription])
      reject(record.line, id: nil, [problem], name: name)
      return
    }
    if record.bytes.withUnsafeBufferPointer({ screenFromBytes($0, line: record.line, name: name) }) { return }
    switch decoder.decode(record.bytes) {
    case .failure(let problems):
      reject(record.line, id: nil, problems.problems, name: name)
    case .success(let request):
      screen(request, line: record.line, name: name)
    }
  }

  /// Screens one whole record straight from its bytes, if it is a plainly good request
  /// (`RequestReader`); returns false, having done nothing, if it is not.
  private func screenFromBytes(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, name: String) -> Bool {
    let narratives = narrativeReader != nil || lazyNarrativeReader != nil
    guard readsBytes, reader.read(bytes, into: &facts, narratives: narratives) else { return false }
    evaluator.decide(facts, restoring: includeTrace, into: &decision)
    screened += 1
    readFromBytes += 1
    guard (format == .jsonl || format == .json) && !includeTrace else {
      let id = reader.hasID ? String(decoding: reader.id, as: UTF8.self) : nil
      write(Outcome(decision, id: id, book: book, catalog: catalog, language: language), line: line, name: name, extracted: [:])
      return true
    }
    separator()
    if namesFiles && quotedName?.name != name {
      var quoted: [UInt8] = []
      JSONText.string(name.utf8, into: &quoted)
      quotedName = (name, quoted)
    }
    let file = namesFiles ? quotedName?.bytes : nil
    let jsonl = format == .jsonl
    reader.id.withUnsafeBufferPointer { id in
      output.append { out in
        writer.write(decision, line: line, id: reader.hasID ? id : nil, file: file, into: &out)
        if jsonl { out.append(0x0A) }
      }
    }
    return true
  }

  /// Screens one decoded request.
  public func screen(_ request: IntakeRequest, line: Int, name: String) {
    // Facts the narrative states that the request does not: used, and reported as unconfirmed.
    var extracted: [String: FactValue] = [:]
    if let narrative = request.narrative, !narrative.isEmpty, let reader = narrativeReader ?? lazyNarrativeReader?.reader {
      extracted = reader.unstatedFacts(of: request)
    }
    switch book.table(for: request.facts.merging(extracted) { stated, _ in stated }) {
    case .failure(let problems):
      reject(line, id: request.id, problems.problems, name: name)
    case .success(let table):
      let outcome = evaluator.outcome(of: table, id: request.id, catalog: catalog, language: language)
      screened += 1
      write(outcome, line: line, name: name, extracted: extracted)
    }
  }

  private func separator() {
    if format == .json, recordsWritten > 0 { output.write(",\n") }
    recordsWritten += 1
  }

  private func write(_ outcome: Outcome, line: Int, name: String, extracted: [String: FactValue]) {
    separator()
    switch format {
    case .jsonl, .json:
      var json = JSONText()
      OutcomeJSON.write(
        outcome, line: line, file: namesFiles ? name : nil, trace: includeTrace ? book.trace(evaluator) : nil, extracted: extracted,
        into: &json)
      if format == .jsonl { json.bytes.append(0x0A) }
      output.write(json.bytes)
    case .csv:
      output.write(CSVRow.outcome(outcome, line: line, file: name, extracted: extracted))
    case .table:
      output.write(table.outcome(outcome, line: lineLabel(line, name)))
    }
  }

  /// The record's line; in a table of several files, each file's rows follow its name.
  private func lineLabel(_ line: Int, _ name: String) -> String {
    if namesFiles && name != tableFile {
      tableFile = name
      output.write("── " + SafeText.visible(name) + "\n")
    }
    return String(line)
  }

  /// The file whose rows the table is showing.
  private var tableFile: String?

  /// The most problems reported for one request; the rest are counted.
  static let maximumProblems = 10

  private func reject(_ line: Int, id: String?, _ problems: [RequestProblem], name: String) {
    rejected += 1
    var problems = problems
    if problems.count > Self.maximumProblems {
      let more = problems.count - (Self.maximumProblems - 1)
      problems.removeLast(more)
      problems.append(RequestProblem("more-problems", ["count": String(more)]))
    }
    let messages = problems.map { problem in
      (code: problem.code, message: ProblemText.render(problem, catalog, language))
    }
    for message in messages {
      errors.write("\(name):\(line): \(catalog.text("screen.error-label", language)): \(message.message)\n")
    }
    separator()
    switch format {
    case .jsonl, .json:
      var json = JSONText()
      OutcomeJSON.writeError(line: line, file: namesFiles ? name : nil, id: id, messages: messages, into: &json)
      if format == .jsonl { json.bytes.append(0x0A) }
      output.write(json.bytes)
    case .csv:
      output.write(CSVRow.error(line: line, file: name, id: id, message: messages.map(\.message).joined(separator: " ")))
    case .table:
      output.write(table.error(line: lineLabel(line, name), id: id, message: messages.map(\.message).joined(separator: " ")))
    }
  }
}

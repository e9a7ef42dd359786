import Foundation
import IntakeCore
import IntakeInterface
import IntakeLoading
import IntakeTestSupport
import Testing

/// Whole interviews as a person reads them on screen, compared with stored transcripts in
/// `Snapshots/<name>.txt`. Run with `RECORD_SNAPSHOTS=1` to write the transcripts instead
/// (then read them, and run again without the variable).
@Suite("Interview transcripts")
struct TranscriptSnapshotTests {
  /// Each transcript is kept at 80 and 120 columns: `<name>-80.txt`, `<name>-120.txt`.
  static let widths = [80, 120]

  @Test("A complete English session, with a wrong answer, an ambiguous one, help and review", arguments: widths)
  func englishSession(width: Int) throws {
    let transcript = try InterviewTranscript.run(.en, InterviewAnswers.english.map(InterviewTranscript.Step.line), width: width)
    #expect(transcript.end == .completed)
    #expect(
      transcript.problems == [
        "Sorry, we did not understand 'purple'. Type one or more numbers from 1 to 10 (for example 1,3), or the words of the choices."
      ])
    try TranscriptSnapshot.check(transcript.text, named: "english-session-\(width)", width: width)
  }

  @Test("A complete Vietnamese session typed with diacritics", arguments: widths)
  func vietnameseSession(width: Int) throws {
    let transcript = try InterviewTranscript.run(.vi, InterviewAnswers.vietnamese.map(InterviewTranscript.Step.line), width: width)
    #expect(transcript.end == .completed)
    #expect(transcript.problems.isEmpty)
    try TranscriptSnapshot.check(transcript.text, named: "vietnamese-session-\(width)", width: width)
  }

  @Test("A complete Vietnamese session typed without diacritics", arguments: widths)
  func vietnameseWithoutDiacritics(width: Int) throws {
    let transcript = try InterviewTranscript.run(
      .vi, InterviewAnswers.vietnameseWithoutDiacritics.map(InterviewTranscript.Step.line), width: width)
    #expect(transcript.end == .completed)
    #expect(transcript.problems.isEmpty)
    try TranscriptSnapshot.check(transcript.text, named: "vietnamese-no-diacritics-session-\(width)", width: width)
  }

  @Test("A bilingual session as the terminal runs it: Vietnamese then English, the end screen, :chi tiết, then Ctrl-D", arguments: widths)
  func bilingualSession(width: Int) throws {
    let steps = ["", "khong", "prevent", ":review", "tx"] + Array(InterviewAnswers.vietnamese.dropFirst(3)) + [":chi tiết"]
    let transcript = try InterviewTranscript.run(
      .vi, steps.map(InterviewTranscript.Step.line) + [.endOfInput], bilingual: true, asTerminal: true, width: width)
    #expect(transcript.end == .completed)
    #expect(transcript.problems.isEmpty)
    try TranscriptSnapshot.check(transcript.text, named: "bilingual-session-\(width)", width: width)
  }

  @Test("A bilingual session stopped with :thoát says how to resume in both languages")
  func bilingualQuit() throws {
    let transcript = try InterviewTranscript.run(.vi, ["khong", "respond", ":thoát"].map(InterviewTranscript.Step.line), bilingual: true)
    #expect(transcript.end == .quit)
    #expect(transcript.text.hasSuffix("> :thoát\nĐã dừng phần hỏi đáp. Kính chúc quý vị bình an.\nThe interview has stopped. Take care.\n"))
  }

  @Test("A snapshot mismatch names the first line that differs")
  func mismatchMessage() {
    #expect(TranscriptSnapshot.firstDifference(expected: "a\nb\nc\n", actual: "a\nB\nc\n") == "line 2:\n  expected: b\n  actual:   B")
    #expect(
      TranscriptSnapshot.firstDifference(expected: "a\nb", actual: "a\nb\nc") == "line 3:\n  expected: (end of transcript)\n  actual:   c")
    #expect(TranscriptSnapshot.firstDifference(expected: "a\n", actual: "a\n") == nil)
  }
}

/// An interview rendered as plain text by the same `EventRenderer` the terminal uses (at
/// `width` columns, no styles); after each prompt `> ` and what was typed.
struct InterviewTranscript {
  enum Step: Sendable {
    case line(String)
    case interrupt
    case endOfInput
  }

  var text = ""
  var problems: [String] = []
  var end: InterviewEnd?
  let renderer: EventRenderer

  /// Runs `steps` through a conversation on the shipped data. With `echo`, the typed line is
  /// shown after the prompt as on a terminal; without, as piped output shows it (the prompt,
  /// then a new line). `asTerminal` sets the conversation up as the terminal does: it reads
  /// descriptions in the user's own words and offers the draft at the end.
  static func run(
    _ language: Language, _ steps: [Step], bilingual: Bool = false, echo: Bool = true, asTerminal: Bool = false, width: Int = 80
  ) throws -> InterviewTranscript {
    var conversation = Conversation(
      book: try ShippedData.book(), catalog: ShippedData.loaded.catalog, language: language, bilingual: bilingual,
      narrativeReader: asTerminal ? ShippedData.loaded.narrativeReader() : nil)
    conversation.offersDraft = asTerminal
    var transcript = InterviewTranscript(renderer: EventRenderer(width: width))
    transcript.show(conversation.start())
    for step in steps {
      guard transcript.end == nil else { throw TestSetupError("the interview ended before the step \(step)") }
      let prompt = conversation.wording.plain("terminal.prompt")
      switch step {
      case .line(let line):
        transcript.text += prompt + (echo ? line : "") + "\n"
        transcript.show(conversation.handle(line))
      case .interrupt:
        transcript.text += prompt + (echo ? "^C\n" : "")
        transcript.show(conversation.interrupt())
      case .endOfInput:
        transcript.text += prompt + (echo ? "^D\n" : "")
        transcript.show(conversation.endOfInput())
      }
    }
    return transcript
  }

  private mutating func show(_ events: [InterviewEvent]) {
    for event in events {
      switch event {
      case .problem(let message):
        problems.append(message)
      case .finished(let how):
        end = how
      case .saveDraft:
        // Saving a draft writes files; no transcript here asks for it.
        text += "(\(event))\n"
      default:
        break
      }
      text += renderer.render(event)
    }
  }
}

/// Stored transcripts beside this file, in `Snapshots/`.
enum TranscriptSnapshot {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

  static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

  /// Compares `actual` with `Snapshots/<name>.txt`, or writes it there when recording.
  /// With `width`, also that no line is wider and no word was cut to make it fit.
  static func check(_ actual: String, named name: String, width: Int? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    throws
  {
    if let width {
      for line in actual.split(separator: "\n") where DisplayWidth.of(line) > width {
        Issue.record("wider than \(width) columns: \(line)", sourceLocation: sourceLocation)
      }
    }
    let file = folder.appendingPathComponent(name + ".txt")
    if recording {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: file)
      return
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
      Issue.record("No snapshot \(file.path); run the tests with RECORD_SNAPSHOTS=1 to write it.", sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if let difference = firstDifference(expected: expected, actual: actual) {
      Issue.record(
        "The transcript differs from Snapshots/\(name).txt at \(difference)\n(run with RECORD_SNAPSHOTS=1 to accept the new transcript)",
        sourceLocation: sourceLocation)
    }
  }

  /// "line N:\n  expected: …\n  actual:   …" for the first line that differs, or nil.
  static func firstDifference(expected: String, actual: String) -> String? {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(old.count, new.count) {
      let before = index < old.count ? String(old[index]) : nil
      let after = index < new.count ? String(new[index]) : nil
      if before != after {
        return "line \(index + 1):\n  expected: \(before ?? "(end of transcript)")\n  actual:   \(after ?? "(end of transcript)")"
      }
    }
    return nil
  }
}

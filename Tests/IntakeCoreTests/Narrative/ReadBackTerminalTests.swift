import Foundation
import IntakeTestSupport
import Testing

/// Answers as people type them, and a read-back they can correct, through the built binary on
/// a real pseudo-terminal.
@Suite("Answers and read-back on a terminal")
struct ReadBackTerminalTests {
  /// Sends `line` at the next prompt and returns the screen up to the prompt after it.
  static func say(_ terminal: PseudoTerminal, _ line: String) throws -> String {
    terminal.line(line)
    return try terminal.waitFor("> ")
  }

  @Test("Particles, 'không biết', 'có, <why>' and a word that fits two kinds of help, in Vietnamese")
  func vietnameseAnswers() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal(["--lang", "vi", "--no-save"], home: home.url)
    try terminal.waitFor("theo lời của mình")
    try terminal.waitFor("> ")
    var screen = try Self.say(terminal, "")
    #expect(screen.contains("Có ai đang gặp nguy hiểm"))
    // Polite particles around the answer are not part of it.
    screen = try Self.say(terminal, "dạ không ạ")
    #expect(!screen.contains("chúng tôi chưa hiểu"), "\(screen)")
    #expect(screen.contains("Đã có chuyện xảy ra"), "\(screen)")
    screen = try Self.say(terminal, "ứng phó")
    screen = try Self.say(terminal, "Texas")
    #expect(screen.contains("Căng thẳng liên quan"), "\(screen)")
    screen = try Self.say(terminal, "chủng tộc")
    #expect(screen.contains("Chuyện gì đã xảy ra"), "\(screen)")
    screen = try Self.say(terminal, "tội ác thù hận")
    #expect(screen.contains("bao nhiêu ngày"), "\(screen)")
    // "I don't know" leaves the question open, said back as such, and moves on.
    screen = try Self.say(terminal, "ko bit")
    #expect(screen.contains("chưa rõ \"Số ngày kể từ vụ việc\""), "\(screen)")
    #expect(!screen.contains("chúng tôi chưa hiểu"), "\(screen)")
    #expect(screen.contains("bạo lực"), "\(screen)")
    // A yes with what happened after it: the yes is the answer, the rest kept as their words.
    screen = try Self.say(terminal, "có, tụi nó chửi rồi đập kính xe")
    #expect(!screen.contains("chúng tôi chưa hiểu"), "\(screen)")
    #expect(screen.contains("cảnh sát"), "\(screen)")
    for answer in ["không", "không", "khu phố", "không", "cư dân"] {
      screen = try Self.say(terminal, answer)
      #expect(!screen.contains("chưa hiểu"), "\(answer): \(screen)")
    }
    #expect(screen.contains("mong muốn được giúp gì"), "\(screen)")
    // "cảnh sát" fits two kinds of help: asked back, never picked.
    screen = try Self.say(terminal, "cảnh sát")
    #expect(screen.contains("'cảnh sát' có thể là nhiều lựa chọn"), "\(screen)")
    #expect(screen.contains("Đối thoại giữa các nhóm") && screen.contains("Trình báo tội phạm"), "\(screen)")
    screen = try Self.say(terminal, "2")
    #expect(screen.contains("thành phố hoặc thị trấn nào"), "\(screen)")
    // The review holds the choice made and the note that came with the yes.
    screen = try Self.say(terminal, ":xem lại")
    #expect(screen.contains("Trình báo tội phạm"), "\(screen)")
    #expect(screen.contains("Tội ác vì thù ghét"), "\(screen)")
    terminal.press(.controlD)
    _ = try terminal.waitForExit()
  }

  @Test("fix N corrects a read-back item, drop N leaves one out, and words said later win over the description")
  func fixAndDrop() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal(["--lang", "en", "--no-save"], home: home.url)
    try terminal.waitFor("in your own words")
    try terminal.waitFor("> ")
    var screen = try Self.say(terminal, "Our pagoda in Houston was spray-painted with swastikas 3 days ago, nobody was hurt.")
    #expect(screen.contains("We understood:"), "\(screen)")
    let days = try #require(Self.item(named: "Days since the incident", in: screen), "\(screen)")
    #expect(screen.contains("Days since the incident: 3"))
    screen = try Self.say(terminal, "fix \(days)")
    #expect(screen.contains("Item \(days), Days since the incident: what is right?"), "\(screen)")
    #expect(screen.contains("How many days ago did it happen?"))
    #expect(!screen.contains("Question 1 ·"), "a correction is not counted as a question: \(screen)")
    // A wrong correction is refused, quoted, and asked again.
    screen = try Self.say(terminal, "purple")
    #expect(screen.contains("'purple'"), "\(screen)")
    screen = try Self.say(terminal, "5")
    #expect(screen.contains("Days since the incident: 5"), "\(screen)")
    let violence = try #require(Self.item(named: "Violence or threat of violence", in: screen), "\(screen)")
    screen = try Self.say(terminal, "drop \(violence)")
    #expect(!screen.contains("Violence or threat of violence"), "\(screen)")
    #expect(screen.contains("Days since the incident: 5"))
    screen = try Self.say(terminal, "yes")
    #expect(screen.contains("We will only ask what is still missing"), "\(screen)")
    #expect(screen.contains("Is anyone in danger right now?"), "\(screen)")
    screen = try Self.say(terminal, "no")
    #expect(screen.contains("What is the tension about?"), "\(screen)")
    // Later words that say otherwise: the answer is taken, and the rest read back, saying what
    // it replaces.
    screen = try Self.say(terminal, "they hate us because we are Buddhist, they came back 2 days ago")
    #expect(screen.contains("Days since the incident: 2 (instead of your earlier answer: 5)"), "\(screen)")
    #expect(!screen.contains("What the tension is about:"), "the answer itself is not read back: \(screen)")
    screen = try Self.say(terminal, "yes")
    screen = try Self.say(terminal, ":review")
    #expect(screen.contains("2"), "\(screen)")
    #expect(screen.contains("Religion"), "\(screen)")
    terminal.press(.controlD)
    _ = try terminal.waitForExit()
  }

  /// The number of the read-back line "  N. name: …".
  static func item(named name: String, in screen: String) -> Int? {
    for line in screen.split(separator: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard let dot = trimmed.firstIndex(of: "."), let n = Int(trimmed[..<dot]) else { continue }
      if trimmed[trimmed.index(after: dot)...].trimmingCharacters(in: .whitespaces).hasPrefix(name + ":") { return n }
    }
    return nil
  }
}

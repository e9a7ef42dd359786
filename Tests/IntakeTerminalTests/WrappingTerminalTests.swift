import Foundation
import IntakeTestSupport
import Testing

/// On a narrow real terminal, every line the program writes fits its width and no word is
/// split across lines ("numbe/r", "q/uý vị"): every word on screen is a word of the texts,
/// the rules or what was typed.
@Suite("Wrapping on a terminal")
struct WrappingTerminalTests {
  /// Every word of the shipped texts and rules, without the punctuation around it.
  static func vocabulary(plus typed: [String]) throws -> Set<String> {
    var text = typed.joined(separator: " ")
    for folder in [PackagePaths.locales, PackagePaths.rules] {
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
        text += " " + (try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
      }
    }
    // Texts hold "\n" escapes; words are what is between spaces and line breaks.
    text = text.replacingOccurrences(of: "\\n", with: " ")
    return Set(text.split(whereSeparator: { $0.isWhitespace }).map { Self.word($0) })
  }

  /// A token without the punctuation around it.
  static func word(_ token: Substring) -> String {
    let edges = CharacterSet.punctuationCharacters.union(.symbols).union(CharacterSet(charactersIn: "\"'“”‘’"))
    return String(token).trimmingCharacters(in: edges)
  }

  @Test("A whole Vietnamese session at 48 and 80 columns, with :chi tiết: no line too wide, no word split", arguments: [48, 80])
  func noWordSplit(columns: Int32) throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let answers: KeyValuePairs<String, String> = [
      "theo lời của mình": "Chùa của chúng tôi ở Houston bị ném đá bể kính",
      "Chúng tôi hiểu như sau": "có",
      "Có ai đang gặp nguy hiểm": "không",
      "Đã có chuyện xảy ra": "ứng phó",
      "tiểu bang hoặc lãnh thổ": "Texas",
      "Căng thẳng liên quan": "tôn giáo",
      "Cộng đồng nào bị ảnh hưởng": "người Mỹ gốc Á",
      "Sự việc đã xảy ra": "phá hoại",
      "cách đây bao nhiêu ngày": "2",
      "Đã có ai bị hành hung": "không",
      "Chuyện này xảy ra ở đâu?": "nơi thờ tự",
      "Cảnh sát (kể cả": "không",
      "thiếu lòng tin": "không",
      "Sắp có cuộc tuần hành": "không",
      "Vai trò của quý vị": "lãnh đạo tôn giáo",
      "mong muốn được giúp gì": "huấn luyện",
      "Các bên có sẵn sàng": "có",
      "Lãnh đạo cảnh sát và lãnh đạo cộng đồng": "có",
      "thành phố hoặc thị trấn": "Houston",
    ]
    let terminal = try PseudoTerminal(["--lang", "vi", "--no-save"], home: home.url, columns: columns)
    try terminal.answerQuestions(answers, until: "═══ Kết quả ═══")
    try terminal.waitFor("Gõ :chi tiết")
    try terminal.waitFor("> ")
    terminal.line(":chi tiết")
    try terminal.waitFor("202-305-2935")
    try terminal.waitFor("> ")
    terminal.press(.controlD)
    #expect(try terminal.waitForExit() == 0)

    let typed = answers.map(\.value) + [":chi tiết"]
    let vocabulary = try Self.vocabulary(plus: typed)
    var unknown: Set<String> = []
    for line in terminal.screen.split(separator: "\n") {
      // Lines the person typed are echoed by readline, which wraps them itself.
      if line.hasPrefix("> ") { continue }
      #expect(line.count <= Int(columns), "wider than \(columns): \(line)")
      for token in line.split(separator: " ") {
        let word = Self.word(token)
        guard word.count > 1, word.contains(where: \.isLetter), !vocabulary.contains(word) else { continue }
        unknown.insert(word)
      }
    }
    #expect(unknown.isEmpty, "words that are not words of the texts (a split?): \(unknown.sorted())")
  }
}

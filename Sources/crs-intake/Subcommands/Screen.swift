import ArgumentParser
import Foundation
import IntakeCore
import IntakeLoading
import IntakeScreening
import IntakeTerminal

extension OutputFormat: ExpressibleByArgument {}

extension CRSIntake {
  /// `crs-intake screen`: batch screening, streamed.
  struct Screen: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "screen",
      abstract: "Screen intake requests (a JSON object, a JSON array or JSON Lines) from files or stdin.")

    @OptionGroup var data: DataOptions

    @Argument(help: "Files to read; - or none for stdin.", completion: .file())
    var files: [String] = []

    @Option(help: "Output format: jsonl, json, csv or table (default: table on a terminal, jsonl otherwise).")
    var format: OutputFormat?

    @Flag(help: "Include the rule trace in JSON outcomes.")
    var trace = false

    func run() throws {
      let console = Console()
      let language = data.language
      let (loaded, book) = try data.loadValid(console: console)
      let chosen = format ?? (isatty(1) != 0 ? .table : .jsonl)
      let screener = Screener(
        book: book, catalog: loaded.catalog, language: language, format: chosen, includeTrace: trace,
        output: console.output, errors: console.errors, width: TerminalSize.columns)
      screener.lazyNarrativeReader = LazyNarrativeReader { NarrativeReader(lexicon: loaded.lexicon, book: book, catalog: loaded.catalog) }
      let inputs = files.isEmpty ? ["-"] : files
      screener.namesFiles = inputs.count > 1
      // A bar on stderr only when a person watches it and the outcomes go elsewhere.
      if isatty(2) != 0 && isatty(1) == 0 {
        let sizes = inputs.map { file -> Int? in
          if file == "-" { return ProgressMeter.size(of: 0) }
          var info = stat()
          return stat(file, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        }
        let total = sizes.contains { $0 == nil } ? nil : sizes.compactMap { $0 }.reduce(0, +)
        screener.progress = ProgressMeter(sink: console.errors, catalog: loaded.catalog, language: language, totalBytes: total)
      }
      screener.begin()
      var unreadable = false
      for file in inputs where console.output.failure == nil {
        if file == "-" {
          screener.screen(descriptor: 0, name: "<stdin>")
          continue
        }
        let descriptor = open(file, O_RDONLY)
        guard descriptor >= 0 else {
          console.error(loaded.catalog.text("screen.unreadable", language, ["path": SafeText.visible(file)]))
          unreadable = true
          continue
        }
        defer { close(descriptor) }
        if !screener.screen(descriptor: descriptor, name: file) {
          console.error(loaded.catalog.text("screen.unreadable", language, ["path": SafeText.visible(file)]))
          unreadable = true
        }
      }
      screener.end()
      try console.finish(loaded.catalog, language)
      if screener.rejected > 0 || isatty(2) != 0 {
        console.error(
          loaded.catalog.text(
            "screen.summary", language, ["screened": String(screener.screened), "rejected": String(screener.rejected)]))
      }
      if unreadable { throw ExitCode(66) }
      if screener.rejected > 0 { throw ExitCode(1) }
    }
  }
}

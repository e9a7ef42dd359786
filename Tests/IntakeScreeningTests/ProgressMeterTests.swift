import Foundation
import IntakeCore
import IntakeLoading
import IntakeScreening
import IntakeTestSupport
import Testing

/// The progress bar a long batch shows on stderr: nothing for a short batch, a bar with a
/// percentage when the input's size is known, a count when it is not, cleared at the end.
@Suite("Screening progress")
struct ProgressMeterTests {
  static func drawn(totalBytes: Int?, steps: [(bytes: Int, records: Int)]) throws -> String {
    let pipe = Pipe()
    let sink = ByteSink(descriptor: pipe.fileHandleForWriting.fileDescriptor)
    let meter = ProgressMeter(sink: sink, catalog: ShippedData.loaded.catalog, language: .en, totalBytes: totalBytes)
    for step in steps { meter.advance(bytes: step.bytes, records: step.records) }
    meter.finish()
    sink.flush()
    try pipe.fileHandleForWriting.close()
    return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  }

  @Test("A short batch shows nothing")
  func short() throws {
    #expect(try Self.drawn(totalBytes: 1000, steps: [(500, 900), (500, 1800)]).isEmpty)
  }

  @Test("A long batch from files shows a bar with its percentage, then clears the line")
  func bar() throws {
    let text = try Self.drawn(totalBytes: 1000, steps: [(250, 1000), (250, 2000), (500, 4000)])
    #expect(
      text.contains("\r\u{1b}[K" + String(repeating: "█", count: 12) + String(repeating: "░", count: 13) + " 50% · 2,000 requests screened")
    )
    #expect(text.contains("█████████████████████████ 100% · 4,000 requests screened"))
    #expect(text.hasSuffix("\r\u{1b}[K"))
  }

  @Test("From a pipe of unknown size: a running count")
  func count() throws {
    let text = try Self.drawn(totalBytes: nil, steps: [(100, 2500), (100, 3700)])
    #expect(text.contains("2,500 requests screened") && text.contains("3,700 requests screened"))
    #expect(!text.contains("%"))
  }
}

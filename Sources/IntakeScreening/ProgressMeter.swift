import IntakeCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A progress bar on stderr while a long batch is screened on a terminal: nothing for a
/// short batch (under `threshold` records), a bar with a percentage when the input's size is
/// known (files), else a running count. It redraws one line and clears it at the end.
public final class ProgressMeter {
  private let sink: ByteSink
  private let catalog: MessageCatalog
  private let language: Language
  private let totalBytes: Int?
  private let threshold: Int
  private var bytes = 0
  private var lastDrawn = (percent: -1, records: 0)
  private var drawn = false

  /// - Parameters:
  ///   - totalBytes: the size of the whole input, when every part is a regular file.
  ///   - threshold: records screened before the bar appears.
  public init(sink: ByteSink, catalog: MessageCatalog, language: Language, totalBytes: Int?, threshold: Int = 2000) {
    self.sink = sink
    self.catalog = catalog
    self.language = language
    self.totalBytes = totalBytes.flatMap { $0 > 0 ? $0 : nil }
    self.threshold = threshold
  }

  /// The size of the file behind `descriptor`, if it is a regular file.
  public static func size(of descriptor: Int32) -> Int? {
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(info.st_size)
  }

  public func advance(bytes read: Int, records: Int) {
    bytes += read
    guard records >= threshold else { return }
    let count = catalog.text("screen.progress", language, ["count": Self.grouped(records)])
    if let totalBytes {
      let percent = min(100, bytes * 100 / totalBytes)
      guard percent != lastDrawn.percent else { return }
      lastDrawn.percent = percent
      let filled = percent / 4
      let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 25 - filled)
      draw("\(bar) \(percent)% · \(count)")
    } else {
      guard records - lastDrawn.records >= 1000 || !drawn else { return }
      lastDrawn.records = records
      draw(count)
    }
  }

  /// Clears the bar's line.
  public func finish() {
    guard drawn else { return }
    sink.write("\r\u{1b}[K")
    sink.flush()
    drawn = false
  }

  private func draw(_ text: String) {
    sink.write("\r\u{1b}[K" + text)
    sink.flush()
    drawn = true
  }

  /// 12345 as "12,345".
  static func grouped(_ number: Int) -> String {
    let digits = Array(String(number))
    var out = ""
    for (i, digit) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(digit)
    }
    return out
  }
}

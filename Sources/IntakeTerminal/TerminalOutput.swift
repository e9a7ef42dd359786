#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes straight to standard output (unbuffered), so text and readline's prompt appear in
/// the order written.
public enum TerminalOutput {
  public static func write(_ text: String) {
    fflush(nil)
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { raw in
        #if canImport(Glibc)
          Glibc.write(1, raw.baseAddress! + offset, raw.count - offset)
        #else
          Darwin.write(1, raw.baseAddress! + offset, raw.count - offset)
        #endif
      }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
  }

  /// Whether standard input is an interactive terminal that can do line editing.
  public static var isInteractive: Bool {
    guard isatty(0) != 0, isatty(1) != 0 else { return false }
    if let term = getenv("TERM").map({ String(cString: $0) }), term == "dumb" { return false }
    return true
  }

  /// Makes sure the character type locale is UTF-8 before the first read, so readline edits
  /// Vietnamese by whole characters (backspace over `ệ` removes `ệ`). Falls back to C.UTF-8.
  /// Readline sets its locale again from the environment when it starts, so the fallback is
  /// also written to the environment (LC_ALL when that is what is set, else LC_CTYPE).
  @discardableResult
  public static func ensureUTF8Locale() -> Bool {
    if isUTF8(setlocale(LC_CTYPE, "")) { return true }
    for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where isUTF8(setlocale(LC_CTYPE, name)) {
      if let all = getenv("LC_ALL"), all.pointee != 0 {
        setenv("LC_ALL", name, 1)
      } else {
        setenv("LC_CTYPE", name, 1)
      }
      return true
    }
    return false
  }

  private static func isUTF8(_ result: UnsafeMutablePointer<CChar>?) -> Bool {
    guard result != nil else { return false }
    let codeset = String(cString: nl_langinfo(nl_item(CODESET))).lowercased()
    return codeset == "utf-8" || codeset == "utf8"
  }
}

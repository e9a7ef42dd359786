import CFuzzerDriver

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Hands a target's test function to libFuzzer. SwiftPM gives every executable a `main` of its
/// own, so libFuzzer's `main` (which would call `LLVMFuzzerTestOneInput`) never runs: each
/// target's `main.swift` calls `run` with its test instead, which takes the same options
/// (`-runs`, `-max_total_time`, corpus folders…).
public enum FuzzDriver {
  /// The signature of `LLVMFuzzerTestOneInput`: the input's bytes; returns 0.
  public typealias Test = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

  /// `prepare` runs first, before any input: loading the shipped data takes seconds under the
  /// sanitizers, and inside the first input it would count against libFuzzer's `-timeout`
  /// (a loaded machine once took 12 s of 10 on an empty input).
  public static func run(preparing prepare: () -> Void = {}, _ test: Test) -> Never {
    prepare()
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
  }

  /// The input as a buffer (libFuzzer passes a null pointer for an empty input).
  public static func bytes(_ start: UnsafePointer<UInt8>?, _ count: Int) -> UnsafeBufferPointer<UInt8> {
    guard let start, count > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: start, count: count)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered writer to a file descriptor: output leaves in large writes, not per record. A
/// write that fails (a full disk, a closed pipe) is remembered, never ignored: later writes are
/// dropped and the command ends with an error.
public final class ByteSink {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private let capacity: Int
  /// The error of the first write that failed (`errno`), if one did.
  public private(set) var failure: Int32?

  public init(descriptor: Int32, capacity: Int = 1 << 16) {
    self.descriptor = descriptor
    self.capacity = capacity
    buffer.reserveCapacity(capacity)
  }

  deinit { flush() }

  public func write(_ bytes: [UInt8]) {
    guard failure == nil else { return }
    buffer.append(contentsOf: bytes)
    if buffer.count >= capacity { flush() }
  }

  /// Lets `body` write straight into the buffer (an outcome from pieces, without a copy).
  func append(_ body: (inout [UInt8]) -> Void) {
    guard failure == nil else { return }
    body(&buffer)
    if buffer.count >= capacity { flush() }
  }

  public func write(_ text: String) {
    guard failure == nil else { return }
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= capacity { flush() }
  }

  public func flush() {
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes { raw in
        #if canImport(Glibc)
          Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        #else
          Darwin.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        #endif
      }
      if written < 0 {
        if errno == EINTR { continue }
        failure = errno
        break
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// The failure in words ("No space left on device"), if a write failed.
  public var failureReason: String? {
    failure.map { String(cString: strerror($0)) }
  }
}

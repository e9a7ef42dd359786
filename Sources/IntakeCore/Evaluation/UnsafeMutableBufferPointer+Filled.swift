extension UnsafeMutableBufferPointer {
  /// A buffer of `count` copies of `value`, never empty (an empty allocation has no base
  /// address, and the hot loops index without checks).
  static func filled(_ count: Int, with value: Element) -> Self {
    let buffer = allocate(capacity: Swift.max(count, 1))
    buffer.initialize(repeating: value)
    return buffer
  }

  /// A buffer holding a copy of `elements`, never empty (see `filled`).
  static func copied(_ elements: [Element]) -> Self {
    let buffer = allocate(capacity: Swift.max(elements.count, 1))
    _ = buffer.initialize(from: elements)
    return buffer
  }
}

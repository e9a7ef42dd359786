extension String {
  /// This text with every Unicode scalar for which `substitute` gives a replacement replaced by
  /// it, the rest kept: the one loop behind escaping text for XML, YAML and the like.
  public func replacingScalars(_ substitute: (Unicode.Scalar) -> String?) -> String {
    var out = ""
    out.reserveCapacity(utf8.count)
    for scalar in unicodeScalars {
      if let replacement = substitute(scalar) { out += replacement } else { out.unicodeScalars.append(scalar) }
    }
    return out
  }
}

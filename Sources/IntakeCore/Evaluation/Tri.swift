/// Three-valued truth: a condition over an unknown fact is `unknown`, never silently false.
public enum Tri: UInt8, Sendable, Equatable, CustomStringConvertible {
  case `false` = 0
  case `true` = 1
  case unknown = 2

  public var description: String {
    switch self {
    case .false: return "false"
    case .true: return "true"
    case .unknown: return "unknown"
    }
  }
}

/// A scenario run as a JUnit XML report (`crs-intake test --junit FILE`), the format CI systems
/// read: one test suite with the counts, one test case per scenario named by its id with its
/// file as the class name, and a failure element with the differences and their rule trace.
///
/// Written by hand rather than with Foundation's `XMLDocument`: this target has no dependencies
/// and the shape is small. Every text and attribute value goes through `escaped(_:attribute:)`.
public struct JUnitReport: Sendable, Equatable {
  /// One scenario's result.
  public struct Case: Sendable, Equatable {
    public var id: String
    public var location: SourceLocation?
    /// The lines describing what differed (empty when the scenario passed).
    public var failure: [String]

    public init(id: String, location: SourceLocation?, failure: [String]) {
      self.id = id
      self.location = location
      self.failure = failure
    }
  }

  /// The suite's name: the scenario file or folder that was run.
  public var name: String
  public var cases: [Case]

  public init(name: String, cases: [Case]) {
    self.name = name
    self.cases = cases
  }

  /// The report as an XML document (UTF-8 text).
  public var xml: String {
    let failures = String(cases.filter { !$0.failure.isEmpty }.count)
    let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\""
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites name=\"crs-intake test\" \(counts)>\n"
    out += "  <testsuite name=\"\(Self.escaped(name, attribute: true))\" \(counts) skipped=\"0\">\n"
    for scenario in cases {
      var attributes = "name=\"\(Self.escaped(scenario.id, attribute: true))\""
      if let location = scenario.location {
        attributes += " classname=\"\(Self.escaped(Self.className(location.file), attribute: true))\""
        attributes += " file=\"\(Self.escaped(location.file, attribute: true))\" line=\"\(location.line)\""
      }
      guard let first = scenario.failure.first else {
        out += "    <testcase \(attributes)/>\n"
        continue
      }
      let message = Self.escaped(first.trimmingLeadingSpaces, attribute: true)
      let body = Self.escaped(scenario.failure.joined(separator: "\n"), attribute: false)
      out += "    <testcase \(attributes)>\n"
      out += "      <failure type=\"scenario\" message=\"\(message)\">\(body)</failure>\n"
      out += "    </testcase>\n"
    }
    out += "  </testsuite>\n</testsuites>\n"
    return out
  }

  /// The class name CI systems group test cases by: the file's path without its extension,
  /// dotted (`Rules.scenarios.spcp` for `Rules/scenarios/spcp.yaml`).
  static func className(_ file: String) -> String {
    ScenarioFilter.stem(file).split(separator: "/").joined(separator: ".")
  }

  /// `text` as XML character data, or as an attribute value (where line breaks and tabs are
  /// kept as character references). Characters XML 1.0 does not allow (controls other than
  /// tab, line feed and carriage return; U+FFFE, U+FFFF) become visible `\u{…}` escapes.
  static func escaped(_ text: String, attribute: Bool) -> String {
    text.replacingScalars { scalar in
      switch scalar {
      case "&": return "&amp;"
      case "<": return "&lt;"
      case ">": return "&gt;"
      case "\"" where attribute: return "&quot;"
      case "'" where attribute: return "&apos;"
      case "\t" where attribute: return "&#9;"
      case "\n" where attribute: return "&#10;"
      case "\r": return "&#13;"
      case "\t", "\n": return nil
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
        return "\\u{" + String(scalar.value, radix: 16) + "}"
      default: return nil
      }
    }
  }

}

extension String {
  fileprivate var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}

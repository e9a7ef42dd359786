/// The kind of problem a `Diagnostic` reports, one case per code that `check` can print.
///
/// An enum rather than a string so that a misspelled code does not compile: each code names its
/// message in `Locales/` (`diagnostic.<code>`), and a typo used to surface only at run time, as a
/// raw key in place of the message. The raw values are the codes as written in `Locales/`, in
/// reports and in tests, so they must not change; `description` is the raw value too, so a code
/// interpolated into text reads as before. A test checks that every case has its message in both
/// shipped locales and that every `diagnostic.*` message belongs to a case.
public enum DiagnosticCode: String, CaseIterable, Sendable, CustomStringConvertible {
  case fileUnreadable = "file-unreadable"
  case fileNotUTF8 = "file-not-utf8"
  case yamlSyntax = "yaml-syntax"
  /// Valid YAML, but the file as a whole is not laid out as its kind of file is (a list, a
  /// single value, a mapping without its main key): nothing in it can be read.
  case fileShape = "file-shape"
  case expectedMapping = "expected-mapping"
  case expectedScalarKey = "expected-scalar-key"
  case duplicateKey = "duplicate-key"
  case unknownKey = "unknown-key"
  case missingKey = "missing-key"
  case expectedList = "expected-list"
  case expectedText = "expected-text"
  case booleanTrap = "boolean-trap"
  case expectedInteger = "expected-integer"
  case expectedBool = "expected-bool"
  case versionUnsupported = "version-unsupported"
  case emptyGroup = "empty-group"
  case unknownOperator = "unknown-operator"
  case oneOperator = "one-operator"
  case mixedOperand = "mixed-operand"
  case noRules = "no-rules"
  case duplicateID = "duplicate-id"
  case unknownType = "unknown-type"
  case unknownValue = "unknown-value"
  case oneAction = "one-action"
  case weightUnused = "weight-unused"
  case priorityUnused = "priority-unused"
  case unknownRegion = "unknown-region"
  case unknownOffice = "unknown-office"
  case officeRegion = "office-region"
  case notFieldOffice = "not-field-office"
  case localeLanguage = "locale-language"
  case localeMissingKey = "locale-missing-key"
  case localePlaceholders = "locale-placeholders"
  case tooManyFacts = "too-many-facts"
  case tooManyValues = "too-many-values"
  case deriveInputFact = "derive-input-fact"
  case deriveOneValue = "derive-one-value"
  case deriveKind = "derive-kind"
  case unknownService = "unknown-service"
  case unknownReferral = "unknown-referral"
  case operatorKind = "operator-kind"
  case operand = "operand"
  case betweenOrder = "between-order"
  case derivationCycle = "derivation-cycle"
  case unknownFact = "unknown-fact"
  case serviceUnreachable = "service-unreachable"
  case referralUnreachable = "referral-unreachable"
  case stateUnrouted = "state-unrouted"
  case regionUnused = "region-unused"
  case ruleUnreachable = "rule-unreachable"
  case ruleUnreachableDerived = "rule-unreachable-derived"
  case ruleShadowed = "rule-shadowed"
  case derivationConflict = "derivation-conflict"
  case localeGap = "locale-gap"
  case serviceOutOfScope = "service-out-of-scope"
  case referralOutsideUS = "referral-outside-us"
  case officeFieldEmpty = "office-field-empty"
  case yamlAlias = "yaml-alias"
  case yamlTooDeep = "yaml-too-deep"
  case unsafeCharacter = "unsafe-character"
  case questionDerivedFact = "question-derived-fact"
  case lexiconUnknownFact = "lexicon-unknown-fact"
  case lexiconValue = "lexicon-value"
  case lexiconConflict = "lexicon-conflict"
  case lexiconFoldCollision = "lexicon-fold-collision"
  case lexiconClassExpansion = "lexicon-class-expansion"
  case scenarioUnknownFact = "scenario-unknown-fact"
  case scenarioDerivedFact = "scenario-derived-fact"
  case scenarioValue = "scenario-value"
  case scenarioExpected = "scenario-expected"

  /// Whether this problem leaves the file unread (nothing in it could be parsed), so every check
  /// that depends on the file is skipped rather than reporting what its absence causes.
  public var leavesFileUnread: Bool {
    switch self {
    case .fileUnreadable, .fileNotUTF8, .yamlSyntax, .fileShape, .yamlAlias, .yamlTooDeep: return true
    default: return false
    }
  }

  /// The code as written in reports and `Locales/`, e.g. `unknown-fact`.
  public var description: String { rawValue }

  /// The key of this code's message in `Locales/`: `diagnostic.<code>`.
  public var messageKey: String { "diagnostic.\(rawValue)" }
}

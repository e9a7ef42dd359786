/// A rule ready to evaluate: its condition's root node, what it does, the facts it tests as
/// a bit mask, and the guard leaf it is indexed by.
@usableFromInline
struct CompiledRule: Sendable {
  @usableFromInline
  enum Effect: Sendable {
    /// Derived choice facts: (fact, value index).
    case derive(choices: [(fact: Int, value: Int)], sets: [(fact: Int, mask: UInt64)])
    case recommend(service: Int, weight: Int)
    case refer(referral: Int)
  }

  var id: String
  /// Position in file order: the tie-break of the conflict policy.
  var order: Int
  @usableFromInline var root: Int
  @usableFromInline var effect: Effect
  var priority: Int
  /// Every fact the condition tests.
  @usableFromInline var factMask: UInt64
  /// Facts tested with `known` / `unknown`: a rule holding because a fact is unknown can stop
  /// holding once it is known, so such facts stay "missing" while the rule holds.
  var absenceMask: UInt64 = 0
  /// A top-level conjunct `fact ∈ values` on an input fact that must hold for the rule to
  /// hold, if any: the rule (an action or a derivation) is only evaluated for requests whose
  /// value of `fact` meets `mask`.
  var guardFact: Int?
  var guardMask: UInt64
  var source: Rule
}

import Foundation
import IntakeCore
import IntakeScreening

/// `crs-intake explain --format json`: the outcome in the schema `screen` writes (v1), with
/// its rule trace; with `--why-not`, the rules that decide one service.
public enum ExplainReport {
  /// The shape and its version: a change that removes or renames a key gets a new one.
  public static let schema = "crs-intake-explain/1"

  /// The outcome and the trace of every rule.
  public static func outcome(_ outcome: Outcome, trace: [RuleTrace]) -> Data {
    var json = header()
    json.raw(",\"outcome\":")
    OutcomeJSON.write(outcome, line: nil, trace: trace, into: &json)
    json.raw("}")
    return Data(json.bytes)
  }

  /// Why one service is (not) recommended: the rules recommending it, as traced, and the
  /// facts still missing.
  public static func whyNot(service: String, recommended: Bool, steps: [RuleTrace], missing: [String]) -> Data {
    var json = header()
    json.raw(",\"why_not\":{\"service\":")
    json.string(service)
    json.raw(",\"recommended\":")
    json.raw(recommended ? "true" : "false")
    json.raw(",\"rules\":")
    OutcomeJSON.writeTrace(steps, into: &json)
    json.raw(",\"missing\":")
    json.strings(missing)
    json.raw("}}")
    return Data(json.bytes)
  }

  /// `{"schema":…` — the start every explain report shares.
  private static func header() -> JSONText {
    var json = JSONText()
    json.raw("{\"schema\":")
    json.string(schema)
    return json
  }
}

#!/usr/bin/env python3
"""The same rules run by CLIPS 6.30 (Debian package `clips`): the yardstick for `crs-intake
screen` on a large rule set whose rules really fire.

    clips_screen.py prepare RULES.json DIR < requests.jsonl
        writes DIR/rules.clp (the rules as CLIPS defrules), DIR/facts.fct (each request's facts
        as CLIPS facts) and DIR/run.bat (load both, run, exit); time `clips -f2 DIR/run.bat`
    clips_screen.py outcomes RULES.json < clips-output > outcomes.jsonl
        what CLIPS printed, one line per request
    clips_screen.py project RULES.json < screen-output.jsonl > outcomes.jsonl
        the same part of `crs-intake screen --format jsonl` outcomes, in the same form

RULES.json is `crs-intake-bench rules-json en [RULES LOCALES]`. What CLIPS decides, and is
compared request by request (one JSON line each, keys sorted):

- the derived facts: jurisdiction status, its bases and urgency (the fact's default when no rule
  decided it), with the conflict policy of the rule book (highest priority, then file order);
- the services recommended, best first (highest weight of a rule that holds, then catalogue
  order), each with the rules that recommend it;
- the referrals, in catalogue order, each with the rules that give it.

Not computed by CLIPS (crs-intake computes them on top): the missing facts, the possible
services (each value of a missing fact tried), the office, the reason texts, the reasons of the
derived facts. The CLIPS run is timed alone: the translation of the JSON requests into CLIPS
facts is done here beforehand, so CLIPS parses facts in its own syntax, not JSON.

How the rules become CLIPS rules. crs-intake uses three-valued logic: a test of an unknown fact
is unknown, `not` of unknown is unknown, and a rule fires only when its condition is true. Each
condition is written as two pattern sets, true(c) and false(c): a leaf is true when its fact is
known and the test holds, false when it is known and the test fails; true(all) is every true,
false(all) any false; true(any) any true, false(any) every false; not swaps them. The result is
put in disjunctive normal form (one defrule per disjunct) over facts `(v R FACT VALUE)` (one per
value of a request's fact; a set has one per member) and `(k R FACT)` (the fact is known), R
being the request's line number: all requests are screened in one working memory, the rules
joining on R. Patterns are ordered as a CLIPS programmer would: the tests of single-valued facts
first (input facts before derived ones, the most selective first), then sets, then the negated
ones (an anchor `(req R)` only when a rule has no positive pattern). Salience keeps the rule
book's order of evaluation: derivations by level (a derivation reading a derived fact after every
rule deriving it), each derived choice fact resolved
(priority, then file order) before the next level, then the services and referrals, then the
best weight of each service, then the output, in order.
"""
import os
import sys
import unicodedata

import json

DERIVE_TOP = 9000


def fold(text):
    """Lowercase, without marks, spaces collapsed (crs-intake's TextFolding for these texts)."""
    text = unicodedata.normalize("NFD", text).replace("\u0110", "d").replace("\u0111", "d")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(text.split())


def clips_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Translator:
    def __init__(self, rules):
        self.rules = rules
        self.facts = rules["facts"]
        self.kinds = [fact["kind"] for fact in self.facts]
        self.names = ["f%d" % i for i in range(len(self.facts))]
        self.counter = 0

    def value(self, f, v):
        """A value of fact f as CLIPS writes it: a symbol for a choice or set value, TRUE/FALSE,
        a number, a folded string."""
        kind = self.kinds[f]
        if kind in ("choice", "set"):
            return "v%d" % v
        if kind == "bool":
            return "TRUE" if v else "FALSE"
        if kind == "integer":
            return str(v)
        return clips_string(fold(v))

    def var(self):
        self.counter += 1
        return "?x%d" % self.counter

    # Patterns: (rank, text), ordered by rank: positive tests of input facts first, the most
    # selective first (the share of a fact's values they let through), then the derived facts,
    # then sets, then the negated tests.
    def pos(self, f, constraint, share=0.5):
        if self.kinds[f] == "set":
            rank = 3.0
        else:
            rank = (1.0 if self.facts[f]["derived"] else 0.0) + share
        return (rank, "(v ?r %s %s)" % (self.names[f], constraint))

    def share(self, f, count):
        """The share of fact f's values `count` of them are."""
        return count / max(len(self.facts[f]["values"]), 1)

    def known(self, f):
        return (1.99 if self.facts[f]["derived"] else 0.99, "(k ?r %s)" % self.names[f])

    def absent(self, text):
        return (4.0, "(not %s)" % text)

    def leaf(self, node, truth):
        """The disjunctive normal form (a list of conjunctions of patterns) of leaf `node` being
        true (`truth`) or false."""
        f, op = node["fact"], node["op"]
        kind, name = self.kinds[f], self.names[f]
        if op in ("known", "unknown"):
            has = (op == "known") == node.get("bool", True)
            if has == truth:
                return [[self.known(f)]]
            return [[self.absent("(k ?r %s)" % name)]]
        values = node.get("values") or []
        integers = node.get("integers") or []
        alternatives = "|".join(self.value(f, v) for v in values)
        excluded = "&".join("~" + self.value(f, v) for v in values)
        if kind == "bool":
            flag = node["bool"] if truth else not node["bool"]
            return [[self.pos(f, "TRUE" if flag else "FALSE")]]
        if kind == "text":
            target = clips_string(fold(node["texts"][0]))
            return [[self.pos(f, target if truth else "~" + target)]]
        if kind == "integer":
            x = self.var()
            low, high = {"less_than": (None, integers[0] - 1), "at_most": (None, integers[0]),
                         "greater_than": (integers[0] + 1, None), "at_least": (integers[0], None),
                         "between": (integers[0], integers[-1]), "equals": (integers[0], integers[0])}[op]
            if low is not None and low == high:
                return [[self.pos(f, str(low) if truth else "~" + str(low))]]
            tests = ([f"(>= {x} {low})"] if low is not None else []) + ([f"(<= {x} {high})"] if high is not None else [])
            test = tests[0] if len(tests) == 1 else "(and " + " ".join(tests) + ")"
            if not truth:
                test = "(not " + test + ")"
            return [[self.pos(f, f"{x}&:{test}")]]
        if kind == "choice":
            # equals / in: a known choice has exactly one value.
            share = self.share(f, len(values))
            return [[self.pos(f, alternatives if truth else excluded, share if truth else 1 - share)]]
        # Sets.
        if op in ("includes", "includes_any"):
            if truth:
                return [[self.pos(f, alternatives)]]
            return [[self.known(f), self.absent("(v ?r %s %s)" % (name, alternatives))]]
        if op == "includes_all":
            if truth:
                return [[self.pos(f, self.value(f, v)) for v in values]]
            return [[self.known(f), self.absent("(v ?r %s %s)" % (name, self.value(f, v)))] for v in values]
        if op == "equals":
            others = ["(v ?r %s %s)" % (name, excluded)] if values else ["(v ?r %s ?)" % name]
            if truth:
                return [[self.known(f)] + [self.pos(f, self.value(f, v)) for v in values] +
                        [self.absent(others[0])]]
            return ([[self.known(f), self.absent("(v ?r %s %s)" % (name, self.value(f, v)))] for v in values] +
                    [[self.pos(f, excluded if values else "?")]])
        raise SystemExit(f"operator {op} on a {kind} fact is not translated")

    def dnf(self, node, truth=True):
        if "not" in node:
            return self.dnf(node["not"], not truth)
        for key in ("all", "any"):
            if key in node:
                parts = [self.dnf(child, truth) for child in node[key]]
                conjunctive = (key == "all") == truth
                if conjunctive:
                    result = [[]]
                    for part in parts:
                        result = [a + b for a in result for b in part]
                    return result
                return [c for part in parts for c in part]
        return self.leaf(node, truth)

    def lhs(self, conjunction):
        """The patterns of one disjunct, ordered: single-valued facts, then sets (a set's second
        pattern on R is an `exists`, so that several members matching fire the rule once), then
        the negated tests; `(req ?r)` first when nothing binds R. The sort is stable: ties keep
        the order of the condition."""
        seen, unique = set(), []
        for kind, text in conjunction:
            if text not in seen:
                seen.add(text)
                unique.append((kind, text))
        ordered = sorted(unique, key=lambda p: p[0])
        lines, bound = [], False
        for rank, text in ordered:
            if rank == 3.0 and bound:
                text = "(exists " + text + ")"
            if rank == 4.0 and not bound:
                lines.append("(req ?r)")
            lines.append(text)
            bound = True
        return lines

    def levels(self):
        """Each derivation's level, and each derived fact's: a derivation reading a derived fact
        comes after every derivation deriving it."""
        derivations = [(i, rule) for i, rule in enumerate(self.rules["rules"]) if "derive" in rule]
        masks = {i: self.mask(rule["condition"]) for i, rule in derivations}
        level = {i: 0 for i, _ in derivations}
        fact_level = {}
        changed = True
        while changed:
            changed = False
            for i, rule in derivations:
                needed = max([fact_level[f] + 1 for f in masks[i] if f in fact_level], default=0)
                if needed != level[i]:
                    level[i] = needed
                    changed = True
                for d in rule["derive"]:
                    if fact_level.get(d["fact"], -1) < level[i]:
                        fact_level[d["fact"]] = level[i]
                        changed = True
        return level, fact_level

    def mask(self, node):
        if "not" in node:
            return self.mask(node["not"])
        for key in ("all", "any"):
            if key in node:
                return set().union(*[self.mask(child) for child in node[key]])
        return {node["fact"]}

    def program(self):
        out = [";; Generated by Benchmarks/reference/clips_screen.py from crs-intake's rules.",
               "(defglobal ?*unused* = 0)"]
        level, fact_level = self.levels()
        for order, rule in enumerate(self.rules["rules"]):
            self.counter = 0
            disjuncts = self.dnf(rule["condition"])
            if "derive" in rule:
                salience = DERIVE_TOP - 100 * level[order]
                effects = []
                for d in rule["derive"]:
                    f = d["fact"]
                    if self.kinds[f] == "choice":
                        effects.append("(cand ?r %s %s %d %d)" % (self.names[f], self.value(f, d["values"][0]),
                                                                 rule["priority"], order))
                    else:
                        effects += ["(v ?r %s %s)" % (self.names[f], self.value(f, v)) for v in d["values"]]
                        effects.append("(k ?r %s)" % self.names[f])
                rhs = "(assert " + " ".join(effects) + ")"
            elif "recommend" in rule:
                salience = 0
                rhs = "(assert (rec ?r %d %d) (fired ?r %d))" % (rule["recommend"]["service"],
                                                               rule["recommend"]["weight"], order)
            else:
                salience = 0
                rhs = "(assert (ref ?r %d) (fired ?r %d))" % (rule["refer"], order)
            for k, conjunction in enumerate(disjuncts):
                out.append("(defrule r%d-%d (declare (salience %d))" % (order, k, salience))
                out += ["  " + line for line in self.lhs(conjunction)]
                out.append("  => " + rhs + ")")
        # Each derived choice fact, once every derivation of it has held or not: the highest
        # priority wins, then the rule written first.
        for f, at in sorted(fact_level.items()):
            if self.kinds[f] != "choice":
                continue
            name = self.names[f]
            out += [
                "(defrule resolve-%s (declare (salience %d))" % (name, DERIVE_TOP - 100 * at - 50),
                "  (cand ?r %s ?v ?p ?o)" % name,
                "  (not (cand ?r %s ? ?p2&:(> ?p2 ?p) ?))" % name,
                "  (not (cand ?r %s ? ?p ?o2&:(< ?o2 ?o)))" % name,
                "  => (assert (v ?r %s ?v) (k ?r %s)))" % (name, name)]
        shown = [self.fact_id(i) for i in ("jurisdiction", "jurisdiction_basis", "urgency")]
        out += [
            # The best weight of each service, then the services best first, the referrals in
            # catalogue order, the rules that held, and the derived facts shown.
            "(defrule best (declare (salience -10))",
            "  (rec ?r ?s ?w)",
            "  (not (rec ?r ?s ?w2&:(> ?w2 ?w)))",
            "  => (assert (best ?r ?s ?w)))",
            "(defrule emit-service (declare (salience -20))",
            "  ?b <- (best ?r ?s ?w)",
            "  (not (best ?r ?s2 ?w2&:(or (> ?w2 ?w) (and (= ?w2 ?w) (< ?s2 ?s)))))",
            '  => (printout t ?r " s " ?s crlf) (retract ?b))',
            "(defrule emit-referral (declare (salience -20))",
            "  ?x <- (ref ?r ?i)",
            "  (not (ref ?r ?j&:(< ?j ?i)))",
            '  => (printout t ?r " r " ?i crlf) (retract ?x))',
            "(defrule emit-request (declare (salience -30))",
            "  (req ?r)",
            '  => (printout t ?r " q" crlf))',
            "(defrule emit-fired (declare (salience -20))",
            "  (fired ?r ?o)",
            '  => (printout t ?r " f " ?o crlf))',
        ]
        for f in shown:
            if f is not None:
                out += ["(defrule emit-%s (declare (salience -20))" % self.names[f],
                        "  (v ?r %s ?x)" % self.names[f],
                        '  => (printout t ?r " d %d " ?x crlf))' % f]
        return "\n".join(out) + "\n"

    def fact_id(self, name):
        for i, fact in enumerate(self.facts):
            if fact["id"] == name:
                return i
        return None

    def request_facts(self, line, request, out):
        """The facts of one request as CLIPS facts; False when the request is not one of plain
        good facts (it is left out of the comparison)."""
        facts = request.get("facts") or {}
        index = {fact["id"]: i for i, fact in enumerate(self.facts)}
        lines = ["(req %d)" % line]
        for key, value in facts.items():
            if value is None:
                continue
            f = index.get(key)
            if f is None or self.facts[f]["derived"]:
                return False
            kind, name = self.kinds[f], self.names[f]
            if kind in ("choice", "set"):
                values = [value] if isinstance(value, str) else value
                for item in values:
                    if item not in self.facts[f]["values"]:
                        return False
                    lines.append("(v %d %s %s)" % (line, name, self.value(f, self.facts[f]["values"].index(item))))
            else:
                lines.append("(v %d %s %s)" % (line, name, self.value(f, value)))
            lines.append("(k %d %s)" % (line, name))
        out.extend(lines)
        return True


def canonical(record):
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def outcome(rules, derived, services, referrals, fired):
    """One request's outcome in the compared form."""
    facts = rules["facts"]
    index = {fact["id"]: i for i, fact in enumerate(facts)}
    rule_ids = [rule["id"] for rule in rules["rules"]]

    def shown(name):
        f = index.get(name)
        if f is None:
            return []
        if f in derived:
            return [facts[f]["values"][v] for v in sorted(derived[f])]
        return [facts[f]["default"]] if facts[f]["default"] is not None else []

    fired = sorted(set(fired))

    def because(kind, target):
        return [rule_ids[o] for o in fired
                if kind in rules["rules"][o] and (rules["rules"][o][kind]["service"] if kind == "recommend"
                                                  else rules["rules"][o][kind]) == target]

    status, urgency = shown("jurisdiction"), shown("urgency")
    return {"jurisdiction": status[0] if status else "assess", "bases": shown("jurisdiction_basis"),
            "urgency": urgency[0] if urgency else "standard",
            "services": [[rules["services"][s], because("recommend", s)] for s in services],
            "referrals": [[rules["referrals"][i], because("refer", i)] for i in referrals]}


def main():
    command, rules_path = sys.argv[1], sys.argv[2]
    with open(rules_path, "rb") as file:
        rules = json.loads(file.read())
    if command == "prepare":
        folder = sys.argv[3]
        os.makedirs(folder, exist_ok=True)
        translator = Translator(rules)
        with open(os.path.join(folder, "rules.clp"), "w", encoding="utf-8") as file:
            file.write(translator.program())
        lines, skipped = [], 0
        for line, text in enumerate(sys.stdin.buffer, start=1):
            if text.strip() and not translator.request_facts(line, json.loads(text), lines):
                skipped += 1
        with open(os.path.join(folder, "facts.fct"), "w", encoding="utf-8") as file:
            file.write("\n".join(lines) + "\n")
        with open(os.path.join(folder, "run.bat"), "w", encoding="utf-8") as file:
            file.write('(load* "%s")\n(reset)\n(load-facts "%s")\n(run)\n(exit)\n' % (
                os.path.join(folder, "rules.clp"), os.path.join(folder, "facts.fct")))
        if skipped:
            print(f"{skipped} requests left out (facts CLIPS is not given)", file=sys.stderr)
    elif command == "outcomes":
        # "R s S", "R r I", "R f RULE", "R d FACT vVALUE" and "R q" (every request, last).
        requests = {}
        for text in sys.stdin:
            parts = text.split()
            if len(parts) < 2 or not parts[0].isdigit():
                continue
            derived, services, referrals, fired = requests.setdefault(int(parts[0]), ({}, [], [], []))
            if parts[1] == "d":
                derived.setdefault(int(parts[2]), set()).add(int(parts[3][1:]))
            elif parts[1] == "s":
                services.append(int(parts[2]))
            elif parts[1] == "r":
                referrals.append(int(parts[2]))
            elif parts[1] == "f":
                fired.append(int(parts[2]))
        for line in sorted(requests):
            record = outcome(rules, *requests[line])
            record["line"] = line
            print(canonical(record))
    elif command == "project":
        for text in sys.stdin:
            record = json.loads(text)
            if "errors" in record:
                continue
            print(canonical({
                "line": record["line"],
                "jurisdiction": record["jurisdiction"]["status"], "bases": record["jurisdiction"]["bases"],
                "urgency": record["urgency"],
                "services": [[s["id"], [b["rule"] for b in s["because"]]] for s in record["services"]],
                "referrals": [[s["id"], [b["rule"] for b in s["because"]]] for s in record["referrals"]]}))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()

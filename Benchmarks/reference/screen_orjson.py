#!/usr/bin/env python3
"""A screener written by hand in Python with orjson: the yardstick for `crs-intake screen`.

    screen_orjson.py RULES.json < requests.jsonl > outcomes.jsonl

RULES.json is `crs-intake-bench rules-json en`: the shipped rules as plain data (facts,
services, referrals, every rule with its condition, effect and English reason, the questions'
conditions, the offices). This program does what `crs-intake screen --format jsonl --lang en`
does for a JSON Lines batch of good requests, and writes the same bytes: it orders the
derivations by what they read, evaluates every rule with three-valued logic (a test of an
unknown fact is unknown), picks derived values by priority then file order, works out the
missing facts (unknown facts that could still change the outcome) and the possible services
(each value a rule tests an unknown fact for, tried on its own), and routes to an office.

It is written the way a careful Python programmer would write it for speed: conditions
compiled once into closures over integer slots and bit masks, orjson for reading and writing,
output written in large blocks. It checks requests only as far as it needs to (an unknown fact
or value is an error record); it does not reproduce crs-intake's wording of problems.
"""
import sys
import unicodedata

import orjson

FALSE, TRUE, UNKNOWN = 0, 1, 2
MIN, MAX = float("-inf"), float("inf")


def compile_condition(node, kinds):
    """(run, undecided): run(slots, known) is FALSE, TRUE or UNKNOWN; undecided(slots, known)
    is the mask of unknown facts of the undecided parts (which could still decide it)."""
    for key in ("all", "any"):
        if key in node:
            parts = [compile_condition(child, kinds) for child in node[key]]
            runs = [run for run, _ in parts]
            if key == "all":
                def run(slots, known, runs=runs):
                    unknown = False
                    for part in runs:
                        result = part(slots, known)
                        if result == FALSE:
                            return FALSE
                        if result == UNKNOWN:
                            unknown = True
                    return UNKNOWN if unknown else TRUE
            else:
                def run(slots, known, runs=runs):
                    unknown = False
                    for part in runs:
                        result = part(slots, known)
                        if result == TRUE:
                            return TRUE
                        if result == UNKNOWN:
                            unknown = True
                    return UNKNOWN if unknown else FALSE

            def undecided(slots, known, parts=parts):
                facts = 0
                for part, part_undecided in parts:
                    if part(slots, known) == UNKNOWN:
                        facts |= part_undecided(slots, known)
                return facts

            return run, undecided
    if "not" in node:
        child, child_undecided = compile_condition(node["not"], kinds)

        def run(slots, known):
            result = child(slots, known)
            return UNKNOWN if result == UNKNOWN else (FALSE if result == TRUE else TRUE)

        def undecided(slots, known):
            return child_undecided(slots, known) if child(slots, known) == UNKNOWN else 0

        return run, undecided

    f, op = node["fact"], node["op"]
    bit = 1 << f
    if op in ("known", "unknown"):
        has = (op == "known") == node.get("bool", True)
        yes, no = (TRUE, FALSE) if has else (FALSE, TRUE)
        return (lambda slots, known: yes if known & bit else no), (lambda slots, known: 0)
    kind = kinds[f]
    values, integers = node.get("values"), node.get("integers")
    mask = 0
    for v in values or []:
        mask |= 1 << v
    # One closure per operator, the test written out: a leaf is the hottest code here.
    if op == "equals" and kind == "text":
        target = fold(node["texts"][0])

        def run(slots, known):
            return (TRUE if fold(slots[f]) == target else FALSE) if known & bit else UNKNOWN
    elif op == "equals":
        target = (1 if node["bool"] else 0) if kind == "bool" else integers[0] if kind == "integer" else \
            mask if kind == "set" else values[0]

        def run(slots, known):
            return (TRUE if slots[f] == target else FALSE) if known & bit else UNKNOWN
    elif op == "in":
        def run(slots, known):
            return (TRUE if (1 << slots[f]) & mask else FALSE) if known & bit else UNKNOWN
    elif op in ("includes", "includes_any"):
        def run(slots, known):
            return (TRUE if slots[f] & mask else FALSE) if known & bit else UNKNOWN
    elif op == "includes_all":
        def run(slots, known):
            return (TRUE if slots[f] & mask == mask else FALSE) if known & bit else UNKNOWN
    elif op in ("less_than", "at_most", "greater_than", "at_least", "between"):
        low, high = {"less_than": (MIN, integers[0] - 1), "at_most": (MIN, integers[0]),
                     "greater_than": (integers[0] + 1, MAX), "at_least": (integers[0], MAX),
                     "between": (integers[0], integers[-1])}[op]

        def run(slots, known):
            return (TRUE if low <= slots[f] <= high else FALSE) if known & bit else UNKNOWN
    else:
        raise SystemExit(f"unknown operator {op}")
    return run, (lambda slots, known: 0 if known & bit else bit)


def leaves(node):
    if "all" in node or "any" in node:
        for child in node.get("all", node.get("any")):
            yield from leaves(child)
    elif "not" in node:
        yield from leaves(node["not"])
    else:
        yield node


def fact_mask(node, only_presence=False):
    mask = 0
    for leaf in leaves(node):
        if not only_presence or leaf["op"] in ("known", "unknown"):
            mask |= 1 << leaf["fact"]
    return mask


def fold(text):
    """Lowercase, without marks, spaces collapsed (crs-intake's TextFolding for these texts)."""
    text = unicodedata.normalize("NFD", text).replace("\u0110", "d").replace("\u0111", "d")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(text.split())


TRAILING = {"ca", "california", "tx", "texas", "fl", "florida", "pa", "pennsylvania", "mi", "michigan",
            "mo", "missouri", "usa", "us"}


def place_key(text):
    words, word = [], []
    for c in fold(text):
        if c.isalnum():
            word.append(c)
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    if len(words) > 2 and words[0] == "city" and words[1] == "of":
        words = words[2:]
    while len(words) > 1 and words[-1] in TRAILING:
        words.pop()
    return " ".join(words)


class Screener:
    def __init__(self, rules):
        self.facts = rules["facts"]
        kinds = [fact["kind"] for fact in self.facts]
        self.kinds = kinds
        self.fact_index = {fact["id"]: i for i, fact in enumerate(self.facts)}
        self.value_index = [{v: i for i, v in reversed(list(enumerate(fact["values"])))} for fact in self.facts]
        self.derived_mask = sum(1 << i for i, fact in enumerate(self.facts) if fact["derived"])
        self.input_mask = sum(1 << i for i, fact in enumerate(self.facts) if not fact["derived"])
        self.state = self.fact_index.get("state")
        self.city = self.fact_index.get("city")
        self.state_mask = 1 << self.state if self.state is not None else 0
        self.services = rules["services"]
        self.referrals = rules["referrals"]
        # Offices as the outcome writes them, keys in the schema's order.
        def office(o):
            keys = ("region", "office", "field_office", "confirmed") + (("county",) if "county" in o else ())
            return {key: o[key] for key in keys}

        offices = rules["offices"]
        self.offices = {"national": office(offices["national"]), "states": [office(o) for o in offices["states"]],
                        "places": [{key: office(o) for key, o in places.items()} for places in offices["places"]]}
        self.because = [{"rule": rule["id"], "reason": rule["reason"]} for rule in rules["rules"]]

        derivations, self.actions = [], []
        for order, rule in enumerate(rules["rules"]):
            run, undecided = compile_condition(rule["condition"], kinds)
            compiled = {
                "order": order, "run": run, "undecided": undecided, "priority": rule["priority"],
                "mask": fact_mask(rule["condition"]), "absence": fact_mask(rule["condition"], True),
            }
            if "derive" in rule:
                compiled["choices"] = [(d["fact"], d["values"][0]) for d in rule["derive"] if kinds[d["fact"]] == "choice"]
                compiled["sets"] = [(d["fact"], sum(1 << v for v in d["values"])) for d in rule["derive"] if kinds[d["fact"]] == "set"]
                compiled["targets"] = [d["fact"] for d in rule["derive"]]
                derivations.append(compiled)
                continue
            compiled["guard"] = self.guard(rule["condition"])
            if "recommend" in rule:
                compiled.update(referral=False, target=rule["recommend"]["service"], weight=rule["recommend"]["weight"])
            else:
                compiled.update(referral=True, target=rule["refer"], weight=0)
            self.actions.append(compiled)
        self.derivations = self.ordered(derivations)
        self.reading, self.probe_actions, self.probe_derives = self.dependencies()
        if len(self.services) > 63:
            raise SystemExit("more than 63 services: not handled by this screener")
        self.probes = self.probe_slots(rules)

    def guard(self, condition):
        """A top-level test of an input fact that must hold for the rule to hold, as (fact, values
        mask), if the rule has one: a rule whose guard fails need not be evaluated."""
        conjuncts = condition["all"] if "all" in condition else [condition]
        for leaf in conjuncts:
            if "fact" not in leaf or self.facts[leaf["fact"]]["derived"]:
                continue
            kind, op, values = self.kinds[leaf["fact"]], leaf["op"], leaf.get("values")
            if op == "equals" and kind == "bool" and "bool" in leaf:
                return leaf["fact"], 0b10 if leaf["bool"] else 0b01
            if values is not None and ((op in ("equals", "in") and kind == "choice") or
                                       (op in ("includes", "includes_any") and kind == "set")):
                return leaf["fact"], sum(1 << v for v in values)
            if values and op == "includes_all" and kind == "set":
                return leaf["fact"], 1 << values[0]
        return None

    def guard_holds(self, rule, slots, known):
        if rule["guard"] is None:
            return True
        g, mask = rule["guard"]
        if not known >> g & 1:
            return False
        value = slots[g]
        return bool(value & mask) if self.kinds[g] == "set" else 0 <= value < 64 and bool((1 << value) & mask)

    @staticmethod
    def ordered(rules):
        """Every derivation reading a derived fact after all those deriving it (stable)."""
        level = [0] * len(rules)
        fact_level = {}
        changed = True
        while changed:
            changed = False
            for i, rule in enumerate(rules):
                needed = 0
                bits = rule["mask"]
                f = 0
                while bits:
                    if bits & 1 and f in fact_level:
                        needed = max(needed, fact_level[f] + 1)
                    bits >>= 1
                    f += 1
                if needed != level[i]:
                    level[i] = needed
                    changed = True
                for f in rule["targets"]:
                    if fact_level.get(f, -1) < level[i]:
                        fact_level[f] = level[i]
                        changed = True
        return [rules[i] for i in sorted(range(len(rules)), key=lambda i: (level[i], i))]

    def dependencies(self):
        """Per input fact: the services some rule of which reads it (bits), directly or through a
        derived fact; the service rules that do; and (bits) the facts a derivation reads."""
        depends = [1 << f for f in range(len(self.facts))]

        def inputs(mask):
            reads, f = 0, 0
            while mask:
                if mask & 1:
                    reads |= depends[f]
                mask >>= 1
                f += 1
            return reads

        derives = 0
        for rule in self.derivations:
            reads = inputs(rule["mask"])
            derives |= reads
            for f in rule["targets"]:
                depends[f] |= reads
        reading = [0] * len(self.facts)
        rules = [[] for _ in self.facts]
        for rule in self.actions:
            if rule["referral"]:
                continue
            reads, g = inputs(rule["mask"]), 0
            while reads:
                if reads & 1:
                    reading[g] |= 1 << rule["target"]
                    rules[g].append(rule)
                reads >>= 1
                g += 1
        return reading, rules, derives

    def probe_slots(self, rules):
        slots = [[] for _ in self.facts]
        conditions = [rule["condition"] for rule in rules["rules"]] + rules["questions"]
        for condition in conditions:
            for leaf in leaves(condition):
                f = leaf["fact"]
                fact = self.facts[f]
                if fact["derived"]:
                    continue
                kind, found = fact["kind"], []
                if kind == "bool":
                    found = [1, 0]
                elif kind == "choice" and "values" in leaf:
                    found = list(leaf["values"])
                elif kind == "set" and "values" in leaf:
                    found = [1 << v for v in leaf["values"] if v < 64]
                elif kind == "integer" and "integers" in leaf:
                    for n in leaf["integers"]:
                        found.append(n - 1 if leaf["op"] == "less_than" else n + 1 if leaf["op"] == "greater_than" else n)
                    minimum = fact["minimum"] if fact["minimum"] is not None else MIN
                    found = [n for n in found if n >= minimum]
                for slot in found:
                    if slot not in slots[f]:
                        slots[f].append(slot)
        return slots

    def derive(self, slots, known):
        """Runs the derivations in order into `slots`; returns the known mask and what held."""
        known &= ~self.derived_mask
        winner = {}
        fired, results = [], []
        for rule in self.derivations:
            result = rule["run"](slots, known)
            results.append(result)
            if result != TRUE:
                continue
            fired.append(rule)
            key = (-rule["priority"], rule["order"])
            for f, v in rule["choices"]:
                if key < winner.get(f, (MAX, MAX)):
                    winner[f] = key
                    slots[f] = v
                    known |= 1 << f
            for f, m in rule["sets"]:
                slots[f] = (slots[f] if known >> f & 1 else 0) | m
                known |= 1 << f
        return known, winner, fired, results

    def evaluate(self, slots, known):
        """Derives, runs every action rule, and works out the missing facts."""
        known, winner, fired_derivations, results = self.derive(slots, known)
        weights, referred, fired, undecided = {}, set(), [], []
        for rule in self.actions:
            guard = rule["guard"]
            if guard is not None and known >> guard[0] & 1 and not self.guard_holds(rule, slots, known):
                continue  # false: its guard fails
            result = rule["run"](slots, known)
            if result == TRUE:
                fired.append(rule)
                if rule["referral"]:
                    referred.add(rule["target"])
                elif rule["weight"] > weights.get(rule["target"], MIN):
                    weights[rule["target"]] = rule["weight"]
            elif result == UNKNOWN:
                undecided.append(rule)
        unknown = ~known & self.input_mask
        lost = unknown & self.state_mask
        for rule in fired_derivations + fired:
            lost |= rule["absence"] & unknown
        for rule, result in zip(self.derivations, results):
            if result == UNKNOWN and self.would_change(rule, slots, known, winner):
                lost |= rule["undecided"](slots, known) & unknown
        for rule in undecided:
            achieved = rule["target"] in referred if rule["referral"] else weights.get(rule["target"], MIN) >= rule["weight"]
            if not achieved:
                lost |= rule["undecided"](slots, known) & unknown
        return weights, referred, fired, fired_derivations, known, lost

    @staticmethod
    def would_change(rule, slots, known, winner):
        key = (-rule["priority"], rule["order"])
        for f, v in rule["choices"]:
            if not known >> f & 1:
                return True
            if key < winner.get(f, (MAX, MAX)) and slots[f] != v:
                return True
        for f, m in rule["sets"]:
            if (slots[f] if known >> f & 1 else 0) & m != m:
                return True
        return False

    def shown(self, f, slots, known, fired_derivations):
        """A derived fact's values and the rules that gave them (its default when none did)."""
        if f is None:
            return [], []
        fact = self.facts[f]
        if not known >> f & 1:
            return ([fact["default"]] if fact["default"] is not None else []), []
        value = slots[f]
        reasons = [self.because[rule["order"]] for rule in fired_derivations
                   if (f, value) in rule["choices"] or any(g == f for g, _ in rule["sets"])]
        if fact["kind"] == "choice":
            return [fact["values"][value]], reasons
        return [v for i, v in enumerate(fact["values"]) if value >> i & 1], reasons

    def value_of(self, f, slot):
        kind, values = self.kinds[f], self.facts[f]["values"]
        if kind == "choice":
            return values[slot]
        if kind == "bool":
            return slot != 0
        if kind == "integer":
            return slot
        if kind == "set":
            return [v for i, v in enumerate(values) if i < 64 and slot >> i & 1]
        return ""

    def outcome(self, line, request):
        facts = request.get("facts") or {}
        slots = [0] * len(self.facts)
        known, city = 0, None
        for key, value in facts.items():
            if value is None:
                continue
            f = self.fact_index.get(key)
            if f is None or self.facts[f]["derived"]:
                return self.error(line, request, "unknown-fact", key)
            kind = self.kinds[f]
            if kind == "choice" or (kind == "set" and isinstance(value, str)):
                v = self.value_index[f].get(value)
                if v is None:
                    return self.error(line, request, "invalid-value", key)
                slots[f] = v if kind == "choice" else 1 << v
            elif kind == "set":
                mask = 0
                for item in value:
                    v = self.value_index[f].get(item)
                    if v is None:
                        return self.error(line, request, "invalid-value", key)
                    mask |= 1 << v
                slots[f] = mask
            elif kind == "bool":
                slots[f] = 1 if value else 0
            elif kind == "integer":
                slots[f] = value
            else:
                slots[f] = value
                if f == self.city:
                    city = value
            known |= 1 << f
        given = known
        state_slots = list(slots)
        weights, referred, fired, fired_derivations, known, lost = self.evaluate(state_slots, given)
        order = sorted(weights, key=lambda s: (-weights[s], s))
        fired.sort(key=lambda rule: rule["order"])
        services = [{"id": self.services[s], "because": [self.because[r["order"]] for r in fired
                                                         if not r["referral"] and r["target"] == s]} for s in order]
        referrals = [{"id": self.referrals[i], "because": [self.because[r["order"]] for r in fired
                                                           if r["referral"] and r["target"] == i]}
                     for i in range(len(self.referrals)) if i in referred]
        jurisdiction, j_because = self.shown(self.fact_index.get("jurisdiction"), state_slots, known, fired_derivations)
        bases, b_because = self.shown(self.fact_index.get("jurisdiction_basis"), state_slots, known, fired_derivations)
        urgency, _ = self.shown(self.fact_index.get("urgency"), state_slots, known, fired_derivations)
        office = self.offices["national"]
        if self.state is not None and given >> self.state & 1:
            office = self.offices["states"][slots[self.state]]
            places = self.offices["places"][slots[self.state]]
            if city is not None and places:
                key = place_key(city)
                office = places.get(key) or places.get(key + " county") or office
        missing = [f for f in range(len(self.facts)) if lost >> f & 1]
        base = 0
        for s in order:
            if s < 63:
                base |= 1 << s
        # Each value of a missing fact on its own: only the rules of services not recommended
        # yet that can depend on the fact can change, and the derivations only if it can
        # change a derived fact.
        possible = {}
        for f in missing:
            if given >> f & 1 or not self.reading[f] & ~base:
                continue
            candidates = [rule for rule in self.probe_actions[f] if not base >> rule["target"] & 1]
            if not candidates:
                continue
            for slot in self.probes[f]:
                tried = list(state_slots)
                tried[f] = slot
                tried_known = known | 1 << f
                holding = [rule for rule in candidates if self.guard_holds(rule, tried, tried_known)]
                if not holding:
                    continue
                if self.probe_derives >> f & 1:
                    tried_known = self.derive(tried, tried_known)[0]
                found = set()
                for rule in holding:
                    if rule["target"] not in found and rule["run"](tried, tried_known) == TRUE:
                        found.add(rule["target"])
                for s in sorted(found):
                    possible.setdefault(s, []).append((f, slot))
        possible_services = []
        for s in sorted(possible):
            when = possible[s]
            seen = []
            for f, _ in when:
                if self.facts[f]["id"] not in seen:
                    seen.append(self.facts[f]["id"])
            possible_services.append({"id": self.services[s], "if": seen,
                                      "when": [{self.facts[f]["id"]: self.value_of(f, slot)} for f, slot in when]})
        return {
            "line": line, "id": request.get("id"),
            "jurisdiction": {"status": jurisdiction[0] if jurisdiction else "assess", "bases": bases,
                             "because": j_because or b_because},
            "urgency": urgency[0] if urgency else "standard",
            "services": services, "referrals": referrals, "office": office,
            "missing": [self.facts[f]["id"] for f in missing], "possible_services": possible_services,
        }

    @staticmethod
    def error(line, request, code, what):
        return {"line": line, "id": request.get("id"), "errors": [{"code": code, "message": what}]}


def main():
    with open(sys.argv[1], "rb") as file:
        screener = Screener(orjson.loads(file.read()))
    out = sys.stdout.buffer
    block = []
    for line, text in enumerate(sys.stdin.buffer, start=1):
        if not text.strip():
            continue
        try:
            request = orjson.loads(text)
        except orjson.JSONDecodeError as error:
            record = {"line": line, "id": None, "errors": [{"code": "malformed-json", "message": str(error)}]}
        else:
            record = screener.outcome(line, request) if isinstance(request, dict) else \
                {"line": line, "id": None, "errors": [{"code": "not-an-object", "message": ""}]}
        block.append(orjson.dumps(record))
        if len(block) >= 1024:
            out.write(b"\n".join(block) + b"\n")
            block = []
    if block:
        out.write(b"\n".join(block) + b"\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a copy of the shipped Rules/ with N extra rules that really fire, for timing `check`
(and screening) at scale: RULES LOCALES DEST N writes DEST/Rules and DEST/Locales (each rule's
reason in both languages). A third derive urgency for a state and a recent incident
(the pairwise lint's work: derivations of one choice fact), the rest recommend a service for a
state, a setting and a goal. Every rule can hold, no two derivations conflict, so `check`
reports nothing new: what is timed is the checking, not the printing."""
import os
import shutil
import sys

STATES = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
          "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
          "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
          "WV", "WI", "WY"]
SETTINGS = ["k12_school", "college_campus", "place_of_worship", "community_center", "neighborhood",
            "citywide", "workplace", "online", "housing"]
SERVICES = ["spcp", "spirit", "mediation", "facilitated_dialogue", "community_forum", "event_contingency",
            "cultural_training", "law_enforcement_training", "hate_crimes_forum", "consultation"]


def main():
    source, locales, out, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    if os.path.exists(out):
        shutil.rmtree(out)
    dest = os.path.join(out, "Rules")
    shutil.copytree(source, dest)
    shutil.copytree(locales, os.path.join(out, "Locales"))
    # Services as the shipped catalog names them.
    services = []
    with open(os.path.join(source, "services.yaml"), encoding="utf-8") as f:
        for line in f:
            stripped = line.strip()
            if stripped.startswith("- id:"):
                services.append(stripped.split(":", 1)[1].strip())
    services = services or SERVICES
    lines = ["version: 1", "rules:"]
    for i in range(count):
        state = STATES[i % len(STATES)]
        if i % 3 == 0:
            # Derivations of urgency: one state each, at priority 10 (below the shipped ones), so
            # two of them can hold together only for the same state, where they agree.
            lines += [f"  - id: generated.urgency.{i}",
                      "    when:",
                      "      all:",
                      f"        - {{ fact: state, equals: {state} }}",
                      f"        - {{ fact: incident_days_ago, at_most: {3 + i % 30} }}",
                      "    derive: { urgency: urgent }",
                      "    priority: 10", ""]
        else:
            setting = SETTINGS[i % len(SETTINGS)]
            goal = "respond" if i % 2 else "prevent"
            lines += [f"  - id: generated.service.{i}",
                      "    when:",
                      "      all:",
                      "        - { fact: jurisdiction, in: [in_scope, assess] }",
                      f"        - {{ fact: state, equals: {state} }}",
                      f"        - {{ fact: settings, includes: {setting} }}",
                      f"        - {{ fact: request_goal, equals: {goal} }}",
                      f"    recommend: {services[i % len(services)]}",
                      f"    weight: {10 + i % 50}", ""]
    with open(os.path.join(dest, "rules", "generated.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    # Each rule's reason, appended to the `messages:` mapping that ends each locale file.
    for language, text in (("en", "Generated rule {0}."), ("vi", "Quy tắc tạo sẵn {0}.")):
        with open(os.path.join(out, "Locales", language + ".yaml"), "a", encoding="utf-8") as f:
            for i in range(count):
                kind = "urgency" if i % 3 == 0 else "service"
                f.write(f'  reason.generated.{kind}.{i}: "{text.format(i)}"\n')


if __name__ == "__main__":
    main()

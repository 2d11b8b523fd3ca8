"""The versioned rule set and the one entry point, :func:`evaluate`."""

from __future__ import annotations

from lawnotebook.legality import custody, patterns, sessions
from lawnotebook.legality.context import Context
from lawnotebook.legality.facts import CaseFacts, Params
from lawnotebook.legality.findings import Finding, Rule

# Bump when a rule is added, removed or changes what it finds: a review mark made under one
# version is shown against the findings of another only with this number beside it.
RULESET_VERSION = "2026.1"

RULES: tuple[Rule, ...] = (*custody.RULES, *sessions.RULES, *patterns.RULES)
BY_ID = {rule.id: rule for rule in RULES}
_ORDER = {rule.id: i for i, rule in enumerate(RULES)}


def evaluate(
    facts: CaseFacts, params: Params | None = None, rules: tuple[Rule, ...] = RULES
) -> list[Finding]:
    """Every finding of ``rules`` on ``facts``, in a fixed order (rule, sessions, events,
    certainty, computed text) that does not depend on the order of the facts."""
    ctx = Context(facts, params or Params())
    found = [
        Finding(
            rule.id,
            hit.certainty,
            rule.severity,
            hit.computed,
            hit.sessions,
            hit.events,
            hit.uncertain,
            hit.missing,
        )
        for rule in rules
        for hit in rule.check(ctx)
    ]
    return sorted(
        found,
        key=lambda f: (
            _ORDER.get(f.rule, len(_ORDER)),
            f.sessions,
            f.events,
            f.certainty,
            f.computed.en,
        ),
    )

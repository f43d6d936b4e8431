"""The rules a flag cites: the platform code of conduct's named rules, each community's own
rules (the list items of its Markdown rules, numbered), and three general reasons.

A reason is stored on a flag as a stable code ("conduct:personal-attack", "community:2",
"spam") with its wording at the time, so a flag keeps saying what it cited when the rules
are later reworded.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from practica.communities.models import Community


@dataclass(frozen=True)
class Rule:
    code: str
    label: Any  # a (lazily) translated string
    explanation: Any = ""


# The platform code of conduct, rule by rule. The codes are stable: flags and warnings keep
# them; the wording may be improved.
PLATFORM_RULES: tuple[Rule, ...] = (
    Rule(
        "conduct:personal-attack",
        _("Personal attack"),
        _("Criticise ideas and arguments, never the people who hold them."),
    ),
    Rule(
        "conduct:objective",
        _("Criticism that is not objective"),
        _("Disagreement is welcome when it is specific, fair and constructive."),
    ),
    Rule(
        "conduct:defamatory",
        _("Defamatory or offensive material"),
        _("Nothing defamatory, obscene, hateful, discriminatory or harassing."),
    ),
    Rule(
        "conduct:harassment",
        _("Harassment or intimidation"),
        _("No threats, pressure or repeated unwanted contact."),
    ),
    Rule(
        "conduct:misleading",
        _("Misleading information"),
        _("Do not present opinion as fact or misstate the law or a source."),
    ),
)

CONFIDENTIAL = Rule(
    "confidential",
    _("Personal or confidential information"),
    _("Names of parties, case details or documents that must not be shared."),
)
SPAM = Rule("spam", pgettext_lazy("flag reason", "Spam"), _("Advertising or unrelated links."))
OTHER = Rule("other", _("Something else"), _("Say what is wrong in the note."))
GENERAL_RULES: tuple[Rule, ...] = (CONFIDENTIAL, SPAM, OTHER)

_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+(.+?)\s*$")
_MARKUP = re.compile(r"[*_`]+|\[([^\]]*)\]\([^)]*\)")


def community_rules(community: Community | None) -> list[Rule]:
    """The community's own rules: each list item of its Markdown rules, numbered in order
    (the text before the first line break of the item, without Markdown markup)."""
    if community is None or not community.rules:
        return []
    rules: list[Rule] = []
    for line in community.rules.splitlines():
        match = _LIST_ITEM.match(line)
        if match:
            text = _MARKUP.sub(lambda m: m.group(1) or "", match.group(1)).strip()
            if text:
                n = len(rules) + 1
                label = _("Community rule %(n)s: %(text)s") % {"n": n, "text": text[:200]}
                rules.append(Rule(f"community:{n}", label))
    return rules


def rules_for(community: Community | None) -> list[Rule]:
    """Every reason a flag on content of `community` may give, in the order offered."""
    return [*PLATFORM_RULES, *community_rules(community), *GENERAL_RULES]


def rule_named(code: str, community: Community | None) -> Rule | None:
    return next((rule for rule in rules_for(community) if rule.code == code), None)

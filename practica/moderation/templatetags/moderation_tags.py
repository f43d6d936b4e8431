"""What changed in a moderator's edit, word by word: removed words struck through, added
words marked, the rest as it was (all escaped: it is the member's text)."""

import difflib
import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_WORDS = re.compile(r"\s+|[^\s]+")


@register.simple_tag
def changes(before: str, after: str) -> SafeString:
    old, new = _WORDS.findall(before), _WORDS.findall(after)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(''.join(old[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(''.join(new[j1:j2]))}</ins>")
    return mark_safe(f'<p class="changes pre">{"".join(parts)}</p>')


@register.filter
def cited(flags: list) -> list[tuple[str, int]]:
    """(rule, how many flags cite it), most cited first."""
    counts: dict[str, int] = {}
    for flag in flags:
        counts[flag.rule_label] = counts.get(flag.rule_label, 0) + 1
    return sorted(counts.items(), key=lambda pair: -pair[1])


@register.filter
def action_label(action: str) -> str:
    """A readable name for an audit row's moderation action."""
    from django.utils.translation import gettext as _

    labels = {
        "moderation.auto_hide": _("hidden pending review (flags reached the threshold)"),
        "moderation.dismiss": _("flags dismissed"),
        "moderation.hide": _("hidden"),
        "moderation.restore": _("restored"),
        "moderation.edit": _("edited"),
        "moderation.warn": _("warned"),
        "moderation.settings": _("settings changed"),
    }
    return str(labels.get(action, action.rsplit(".", 1)[-1].replace("_", " ")))

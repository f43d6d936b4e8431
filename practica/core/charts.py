"""Charts drawn on the server as accessible SVG, with pygal.

pygal lays out the bars, axes and labels (no geometry of our own); what it adds for its
browser script and its own styles (an inline <script>, a <style> block, tooltips kept in
<desc> elements) is removed, since the site's content security policy runs neither and
screen readers would read the tooltips as noise. The chart is styled by site.css
(`.chart`) and described by one <title> and one <desc>; the page puts the same numbers in
a table beside it.
"""

import re
import uuid
from collections.abc import Sequence

import pygal
import pygal.style
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from lxml import etree

SVG = "{http://www.w3.org/2000/svg}"
_STRIP = {"script", "style", "desc", "title"}


def bar_chart(
    *, title: str, description: str, labels: Sequence[str], values: Sequence[int],
    horizontal: bool = True,
) -> SafeString:  # fmt: skip
    """An SVG bar chart of `values` against `labels`, titled and described for screen
    readers (role="img", aria-labelledby its <title> and <desc>)."""
    kind = pygal.HorizontalBar if horizontal else pygal.Bar
    height = 80 + 36 * len(labels) if horizontal else 300
    # The sizes site.css gives the text, so that pygal leaves room for the labels.
    style = pygal.style.Style(
        font_family="sans-serif", label_font_size=12, major_label_font_size=12,
        value_font_size=13, title_font_size=16,
    )  # fmt: skip
    chart = kind(
        style=style,
        js=[],
        css=[],
        width=640,
        height=height,
        show_legend=False,
        print_values=True,
        print_zeroes=True,
        truncate_label=40,
        disable_xml_declaration=True,
        explicit_size=False,
        margin=12,
        spacing=8,
        show_y_guides=False,
    )
    chart.x_labels = list(labels)
    top = max([*values, 1])
    step = max(1, -(-top // 8))  # whole numbers only: these are counts of people
    chart.y_labels = list(range(0, top + step, step))
    chart.add(title, list(values))
    tree = chart.render_tree()
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or etree.QName(element).localname in _STRIP:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
    for element in tree.iter():
        if isinstance(element.tag, str):
            element.attrib.pop("style", None)
    ident = f"chart-{uuid.uuid4().hex[:10]}"
    tree.set("id", ident)
    tree.set("class", "chart pygal-chart")
    tree.set("role", "img")
    tree.set("aria-labelledby", f"{ident}-title {ident}-desc")
    title_el = etree.Element(f"{SVG}title", id=f"{ident}-title")
    title_el.text = title
    desc_el = etree.Element(f"{SVG}desc", id=f"{ident}-desc")
    desc_el.text = description
    tree.insert(0, desc_el)
    tree.insert(0, title_el)
    svg = etree.tostring(tree, encoding="unicode")
    # Namespace prefixes lxml may add are not wanted in HTML's inline SVG.
    svg = re.sub(r"\s+xmlns:xlink=\"[^\"]+\"", "", svg)
    return mark_safe(svg)


def describe(labels: Sequence[str], values: Sequence[int]) -> str:
    """The chart's numbers in words, for its <desc>."""
    return "; ".join(
        f"{escape(label)}: {value}" for label, value in zip(labels, values, strict=False)
    )

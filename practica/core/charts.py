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

# pygal builds its tree with lxml when it is installed, as it always is here (python-docx
# requires it), so the tree can be edited with lxml's API.
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
    return _finish(chart, title=title, description=description)


def _style() -> pygal.style.Style:
    return pygal.style.Style(
        font_family="sans-serif", label_font_size=12, major_label_font_size=12,
        value_font_size=13, title_font_size=16, legend_font_size=12,
    )  # fmt: skip


def series_chart(
    *, title: str, description: str, labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]], stacked: bool = False,
) -> SafeString:  # fmt: skip
    """A line chart (or stacked bars) of several series over `labels` (weeks, say), with a
    legend; described for screen readers as `bar_chart` is. Colours come from site.css
    (`svg.chart .color-N`)."""
    kind = pygal.StackedBar if stacked else pygal.Line
    chart = kind(
        style=_style(), js=[], css=[], width=640, height=320,
        show_legend=len(series) > 1, legend_at_bottom=True, legend_at_bottom_columns=3,
        truncate_label=12, x_label_rotation=0, show_minor_x_labels=False,
        disable_xml_declaration=True, explicit_size=False, margin=12, spacing=8,
        show_x_guides=False, dots_size=3, margin_right=40,
    )  # fmt: skip
    chart.x_labels = list(labels)
    # Label every few weeks only, so that a year's fifty-two do not overlap.
    every = max(1, -(-len(labels) // 8))
    chart.x_labels_major = list(labels)[::every]
    totals = [sum(values) for values in zip(*(v for _n, v in series), strict=True)] or [0]
    top = max([*(totals if stacked else [max([*v, 0]) for _n, v in series]), 1])
    step = max(1, -(-top // 8))
    chart.y_labels = list(range(0, top + step, step))
    for name, values in series:
        chart.add(name, list(values))
    return _finish(chart, title=title, description=description)


def _finish(chart: pygal.graph.graph.Graph, *, title: str, description: str) -> SafeString:
    """The rendered chart without pygal's script, styles and tooltips, titled and described."""
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

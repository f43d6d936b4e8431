"""A report as the page, its CSV files and the monthly email show it: sections of tables,
some with a chart of the same numbers. Built from `measures` for a community or for the
platform, over a period and the one before it."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from practica.communities.models import Community
from practica.core.charts import bar_chart, describe, series_chart

from . import measures as m
from .periods import Period

LEVEL_NAMES = {
    "core": gettext_lazy("Core"),
    "active": gettext_lazy("Active"),
    "occasional": gettext_lazy("Occasional"),
    "reading": gettext_lazy("Reading only"),
    "silent": gettext_lazy("Not seen"),
}


SHOWN_ROWS = 100  # a page lists at most this many rows of a table; its CSV has all


@dataclass
class Table:
    key: str
    caption: str
    headers: list[str]
    rows: list[list[Any]]
    numeric: tuple[int, ...] = ()
    chart: SafeString | None = None
    links: list[str] = field(default_factory=list)  # a link for each row's first cell
    csv: str = ""  # where the page offers it as CSV

    @property
    def cells(self) -> list[list[tuple[Any, bool, str]]]:
        """Each shown row's cells as (value, is a number, link) for the template."""
        return [
            [
                (value, i in self.numeric, self.links[r] if i == 0 and self.links else "")
                for i, value in enumerate(row)
            ]
            for r, row in enumerate(self.rows[:SHOWN_ROWS])
        ]

    @property
    def shown_rows(self) -> list[list[Any]]:
        return self.rows[:SHOWN_ROWS]

    @property
    def more(self) -> int:
        """Rows not shown on the page (the CSV has them all)."""
        return max(0, len(self.rows) - SHOWN_ROWS)


@dataclass
class Section:
    key: str
    title: str
    notes: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass
class Report:
    title: str
    period: Period
    previous: Period
    sections: list[Section]
    community: Community | None = None
    extra: list[Table] = field(default_factory=list)  # offered as CSV, shown on their own

    def table(self, key: str) -> Table | None:
        for section in self.sections:
            for table in section.tables:
                if table.key == key:
                    return table
        return next((table for table in self.extra if table.key == key), None)


NONE = "\u2013"  # an en dash: no value


def fmt_share(value: float | None) -> str:
    return NONE if value is None else f"{round(value * 100)}%"


def fmt_hours(value: float | None) -> str:
    return NONE if value is None else f"{value:.1f}"


def fmt_days(value: float | None) -> str:
    return NONE if value is None else f"{value:.1f}"


def day(value: Any) -> str:
    return date_format(value, "Y-m-d")


# --- The figures of one scope, current and previous ---------------------------------------


@dataclass
class Figures:
    """Everything measured for one key (a community, or ALL) over one period."""

    members: m.Members
    requests: m.Requests
    participation: m.Participation
    writing: m.Writing
    featured: m.Featured
    questions: m.Questions
    events: m.Events
    library: m.Library


def figures(ids: Sequence[int], periods: Sequence[Period]) -> list[dict[int, Figures]]:
    """The figures of every community in `ids` and of them all, for each period."""
    members = m.members(ids, periods)
    answers = []
    for i, period in enumerate(periods):
        req = m.requests(ids, period)
        part = m.participation(ids, period)
        wr = m.writing(ids, period)
        feat = m.featured(ids, period)
        qs = m.questions(ids, period)
        ev = m.events(ids, period)
        lib = m.library(ids, period)
        answers.append(
            {
                key: Figures(
                    members=members[i].get(key, m.Members()),
                    requests=req.get(key, m.Requests()),
                    participation=part.get(key, m.Participation()),
                    writing=wr.get(key, m.Writing()),
                    featured=feat.get(key, m.Featured()),
                    questions=qs.get(key, m.Questions()),
                    events=ev.get(key, m.Events()),
                    library=lib.get(key, m.Library()),
                )
                for key in m.keys_of(ids)
            }
        )
    return answers


# The measures compared with the previous period and sortable side by side:
# (key, label, value of Figures, shown as).
def headline(f: Figures) -> list[tuple[str, str, Any, str]]:
    p = f.participation.counts
    q = f.questions
    return [
        ("members", _("Members at the end"), f.members.at_end, str(f.members.at_end)),
        ("joined", _("Joined"), f.members.joined, str(f.members.joined)),
        ("left", _("Left"), f.members.left, str(f.members.left)),
        ("removed", _("Removed"), f.members.removed, str(f.members.removed)),
        ("pending", _("Join requests waiting now"), f.requests.pending, str(f.requests.pending)),
        ("core", _("Core members"), p["core"], str(p["core"])),
        ("active", _("Active members"), p["active"], str(p["active"])),
        ("posts", _("Posts"), f.writing.posts, str(f.writing.posts)),
        ("comments", _("Comments"), f.writing.comments, str(f.writing.comments)),
        ("replies", _("Replies"), f.writing.replies, str(f.writing.replies)),
        ("asked", _("Questions and requests asked"), len(q.asked), str(len(q.asked))),
        ("answered", _("Answered"), q.answered_share or 0, fmt_share(q.answered_share)),
        (
            "first_answer",
            _("Median hours to a first answer"),
            q.median_hours if q.median_hours is not None else float("inf"),
            fmt_hours(q.median_hours),
        ),
        ("events", _("Events held"), f.events.held, str(f.events.held)),
        (
            "attendance",
            _("Attendance"),
            f.events.attendance or 0,
            fmt_share(f.events.attendance),
        ),
        ("resources", _("Resources added"), f.library.added, str(f.library.added)),
    ]


# --- Health --------------------------------------------------------------------------------

CONTRIBUTING_AT_LEAST = 0.2
ANSWERED_AT_LEAST = 0.5


def health_rule() -> str:
    return _(
        "Three checks: at least %(contributing)s of members wrote something in the period; "
        "at least %(answered)s of questions asked were answered (or none were asked); the "
        "community did not shrink. Good: all three; watch: one fails; needs attention: two "
        "or more fail."
    ) % {
        "contributing": fmt_share(CONTRIBUTING_AT_LEAST),
        "answered": fmt_share(ANSWERED_AT_LEAST),
    }


def health(f: Figures) -> tuple[str, str]:
    """(css level, words) from the rule `health_rule` states."""
    counts = f.participation.counts
    members = f.participation.members
    wrote = counts["core"] + counts["active"] + counts["occasional"]
    failed = 0
    failed += int(not members or wrote / members < CONTRIBUTING_AT_LEAST)
    answered = f.questions.answered_share
    failed += int(answered is not None and answered < ANSWERED_AT_LEAST)
    failed += int(f.members.at_end < f.members.at_start)
    if failed == 0:
        return "good", _("Good")
    if failed == 1:
        return "watch", _("Watch")
    return "poor", _("Needs attention")


# --- Sections -----------------------------------------------------------------------------


def _summary(now: Figures, before: Figures, period: Period, previous: Period) -> Table:
    rows = []
    for (_k, label, _v, shown), (_k2, _l2, _v2, was) in zip(
        headline(now), headline(before), strict=True
    ):
        rows.append([label, shown, was])
    return Table(
        key="summary",
        caption=_("This period compared with the one before"),
        headers=[
            _("Measure"),
            _("%(start)s to %(end)s") % {"start": day(period.start), "end": day(period.end)},
            _("%(start)s to %(end)s") % {"start": day(previous.start), "end": day(previous.end)},
        ],
        rows=rows,
        numeric=(1, 2),
    )


def _members(f: Figures) -> Section:
    weeks = f.members.weekly
    labels = [day(w) for w, _n in weeks]
    values = [n for _w, n in weeks]
    over_time = Table(
        key="members_weekly",
        caption=_("Members at the end of each week"),
        headers=[_("Week ending"), _("Members")],
        rows=[[label, n] for label, n in zip(labels, values, strict=True)],
        numeric=(1,),
        chart=series_chart(
            title=_("Members at the end of each week"),
            description=describe(labels, values),
            labels=labels,
            series=[(_("Members"), values)],
        ),
    )
    r = f.requests
    moves = Table(
        key="members_moves",
        caption=_("Joining and leaving"),
        headers=[_("Measure"), _("Number")],
        rows=[
            [_("Members at the start"), f.members.at_start],
            [_("Joined"), f.members.joined],
            [_("Left"), f.members.left],
            [_("Removed by the leaders"), f.members.removed],
            [_("Members at the end"), f.members.at_end],
            [_("Join requests waiting now"), r.pending],
            [_("Longest wait of those, in days"), fmt_days(max(r.waiting_days, default=None))],
            [_("Median wait of those, in days"), fmt_days(m.median(r.waiting_days))],
            [_("Join requests decided in the period"), r.decided],
            [_("Median days to a decision"), fmt_days(m.median(r.decided_days))],
        ],
        numeric=(1,),
    )
    return Section("members", _("Members over time"), tables=[moves, over_time])


def _participation(f: Figures) -> Section:
    counts = f.participation.counts
    labels = [str(LEVEL_NAMES[level]) for level in m.LEVELS]
    values = [counts[level] for level in m.LEVELS]
    notes = [
        _(
            "A contribution is a post, a comment or a reply written in the period. Core: "
            "%(core)s or more contributions; active: %(active)s to %(core_less)s; occasional: "
            "1 or 2; reading only: none, but opened a discussion in the period; not seen: "
            "neither. Counted over the current members."
        )
        % {
            "core": m.CORE_AT_LEAST,
            "active": m.ACTIVE_AT_LEAST,
            "core_less": m.CORE_AT_LEAST - 1,
        }
    ]
    table = Table(
        key="participation",
        caption=_("Participation levels"),
        headers=[_("Level"), _("Members"), _("Share")],
        rows=[
            [label, n, fmt_share(m.share(n, f.participation.members))]
            for label, n in zip(labels, values, strict=True)
        ],
        numeric=(1, 2),
        chart=bar_chart(
            title=_("Participation levels"),
            description=describe(labels, values),
            labels=labels,
            values=values,
        ),
    )
    return Section("participation", _("Participation"), notes=notes, tables=[table])


def _writing(f: Figures) -> Section:
    w = f.writing
    labels = [day(monday) for monday in w.weekly]
    posts = [v[0] for v in w.weekly.values()]
    comments = [v[1] for v in w.weekly.values()]
    replies = [v[2] for v in w.weekly.values()]
    names = (_("Posts"), _("Comments"), _("Replies"))
    weekly = Table(
        key="writing_weekly",
        caption=_("Posts, comments and replies per week"),
        headers=[_("Week starting"), *names],
        rows=[[label, *v] for label, v in zip(labels, w.weekly.values(), strict=True)],
        numeric=(1, 2, 3),
        chart=series_chart(
            title=_("Posts, comments and replies per week"),
            description="; ".join(
                f"{label}: {p}, {c}, {r}"
                for label, p, c, r in zip(labels, posts, comments, replies, strict=True)
            ),
            labels=labels,
            series=list(zip(names, (posts, comments, replies), strict=True)),
            stacked=True,
        ),
    )
    feat = f.featured
    featured = Table(
        key="featured",
        caption=_("Featured discussions"),
        headers=[_("Measure"), _("Number")],
        rows=[
            [_("Opened"), feat.opened],
            [_("Closed"), feat.closed],
            [_("Summarised"), feat.summarised],
        ],
        numeric=(1,),
    )
    return Section("writing", _("Discussions"), tables=[weekly, featured])


def _questions(f: Figures, names: dict[int, str]) -> Section:
    q = f.questions
    notes = [
        _(
            "Questions and requests for information asked in the period. The first answer is "
            "the first comment by someone other than the asker. The 90th percentile: nine in "
            "ten answered questions had their first answer within that many hours."
        )
    ]
    figures_table = Table(
        key="questions",
        caption=_("Questions and requests for information"),
        headers=[_("Measure"), _("Value")],
        rows=[
            [_("Asked"), len(q.asked)],
            [_("Of which requests for information"), sum(1 for a in q.asked if a.is_request)],
            [_("Answered"), len(q.answered)],
            [_("Answered share"), fmt_share(q.answered_share)],
            [_("Hours to a first answer, median"), fmt_hours(q.median_hours)],
            [_("Hours to a first answer, 90th percentile"), fmt_hours(q.p90_hours)],
        ],
        numeric=(1,),
    )
    open_rows = q.unanswered
    unanswered = Table(
        key="unanswered",
        caption=_("Not answered yet"),
        headers=[_("Question"), _("Community"), _("Kind"), _("Asked")],
        rows=[
            [
                a.title,
                names.get(a.community_id, ""),
                _("Request for information") if a.is_request else _("Question"),
                day(a.asked_at),
            ]
            for a in open_rows
        ],
        links=[a.url for a in open_rows],
    )
    return Section("questions", _("Questions"), notes=notes, tables=[figures_table, unanswered])


def _events_library(f: Figures) -> Section:
    e, lib = f.events, f.library
    notes = [
        _(
            "Events held: those that started in the period and were not cancelled. Attendance: "
            "of those registered, the share the organisers marked present; each of them may "
            "download a certificate. Downloads are counted since each resource was added. A "
            "resource is current when it was reviewed within its review interval."
        )
    ]
    events_table = Table(
        key="events",
        caption=_("Events"),
        headers=[_("Measure"), _("Value")],
        rows=[
            [_("Held"), e.held],
            [_("Registrations"), e.registered],
            [_("Attended"), e.attended],
            [_("Attendance rate"), fmt_share(e.attendance)],
            [_("Certificates issued"), e.attended],
        ],
        numeric=(1,),
    )
    library_table = Table(
        key="library",
        caption=_("Library"),
        headers=[_("Measure"), _("Value")],
        rows=[
            [_("Resources added"), lib.added],
            [_("Resources published"), lib.published],
            [_("Downloads"), lib.downloads],
            [_("Reviewed within their interval"), fmt_share(lib.current_share)],
        ],
        numeric=(1,),
    )
    return Section(
        "events", _("Events and the library"), notes=notes, tables=[events_table, library_table]
    )


def _representation(r: m.Representation) -> Section:
    unnamed = _("Not given")
    countries = m.sorted_counts(r.countries, unnamed)
    regions = sorted(
        ((m.region_label(code), n) for code, n in r.regions.items()), key=lambda x: (-x[1], x[0])
    )
    occupations = m.sorted_counts(r.occupations, unnamed)
    affiliations = m.sorted_counts(r.affiliations, unnamed)
    missing = r.missing()
    labels = [name for name, _n in regions]
    values = [n for _name, n in regions]
    tables = [
        Table(
            key="countries",
            caption=_("Members by country"),
            headers=[_("Country"), _("Members")],
            rows=[[name, n] for name, n in countries],
            numeric=(1,),
        ),
        Table(
            key="regions",
            caption=_("Members by province, territory or state"),
            headers=[_("Province, territory or state"), _("Members")],
            rows=[[name, n] for name, n in regions],
            numeric=(1,),
            chart=bar_chart(
                title=_("Members by province, territory or state"),
                description=describe(labels, values) or _("No member has given one."),
                labels=labels,
                values=values,
            )
            if regions
            else None,
        ),
        Table(
            key="regions_missing",
            caption=_("Provinces, territories and states with no member"),
            headers=[_("Country"), _("With no member")],
            rows=[
                [country, ", ".join(names) or _("None: all have members")]
                for country, names in missing
            ],
        ),
        Table(
            key="occupations",
            caption=_("Members by occupation"),
            headers=[_("Occupation"), _("Members")],
            rows=[[name, n] for name, n in occupations],
            numeric=(1,),
        ),
        Table(
            key="affiliations",
            caption=_("Members by kind of organisation"),
            headers=[_("Kind of organisation"), _("Members")],
            rows=[[name, n] for name, n in affiliations],
            numeric=(1,),
        ),
    ]
    notes = [
        _(
            "From the members' profiles (province, territory or state as ISO 3166-2). Counts "
            "only: no one is named."
        )
    ]
    return Section("representation", _("Representation"), notes=notes, tables=tables)


def _plan(community: Community) -> Section | None:
    from practica.governance.selectors import plan_progress

    progress = plan_progress(community)
    if progress is None:
        return None
    table = Table(
        key="plan",
        caption=_("One-year plan: %(title)s") % {"title": progress.plan.title},
        headers=[_("Measure"), _("Value")],
        rows=[
            [_("Activities done"), progress.done],
            [_("Activities counted"), progress.counted],
            [_("Done"), f"{progress.percent}%"],
        ],
        numeric=(1,),
    )
    return Section("plan", _("Plan progress"), tables=[table])


def _report(
    *,
    title: str,
    key: int,
    now: dict[int, Figures],
    before: dict[int, Figures],
    rep: m.Representation,
    period: Period,
    names: dict[int, str],
    community: Community | None,
) -> Report:
    f = now[key]
    summary = Section(
        "summary", _("Summary"), tables=[_summary(f, before[key], period, period.previous())]
    )
    sections = [
        summary,
        _members(f),
        _participation(f),
        _writing(f),
        _questions(f, names),
        _events_library(f),
        _representation(rep),
    ]
    if community is not None:
        plan = _plan(community)
        if plan is not None:
            sections.append(plan)
    return Report(
        title=title,
        period=period,
        previous=period.previous(),
        sections=sections,
        community=community,
    )


def community_report(community: Community, period: Period) -> Report:
    ids = [community.pk]
    now, before = figures(ids, [period, period.previous()])
    return _report(
        title=community.name,
        key=community.pk,
        now=now,
        before=before,
        rep=m.representation(ids).get(community.pk, m.Representation()),
        period=period,
        names={community.pk: community.name},
        community=community,
    )


@dataclass
class Platform:
    report: Report
    rows: list[dict[str, Any]]  # one per community: name, slug, health, values
    columns: list[tuple[str, str]]  # (key, label) of the sortable measures


def platform_report(period: Period, *, sort: str = "", descending: bool = True) -> Platform:
    communities = list(Community.objects.order_by("name").only("pk", "name", "slug"))
    ids = [c.pk for c in communities]
    names = {c.pk: c.name for c in communities}
    now, before = figures(ids, [period, period.previous()])
    report = _report(
        title=_("All communities"),
        key=m.ALL,
        now=now,
        before=before,
        rep=m.representation(ids).get(m.ALL, m.Representation()),
        period=period,
        names=names,
        community=None,
    )
    rows: list[dict[str, Any]] = []
    columns: list[tuple[str, str]] = []
    for community in communities:
        measured = headline(now[community.pk])
        columns = [(k, label) for k, label, _v, _s in measured]
        level, words = health(now[community.pk])
        rows.append(
            {
                "community": community,
                "health": level,
                "health_words": words,
                "values": {k: v for k, _l, v, _s in measured},
                "shown": [s for _k, _l, _v, s in measured],
            }
        )
    if sort in dict(columns):
        rows.sort(key=lambda row: row["values"][sort], reverse=descending)
    elif sort == "health":
        order = {"poor": 0, "watch": 1, "good": 2}
        rows.sort(key=lambda row: order[row["health"]], reverse=not descending)
    side = Table(
        key="communities",
        caption=_("All communities side by side"),
        headers=[_("Community"), _("Health"), *[label for _k, label in columns]],
        rows=[[row["community"].name, row["health_words"], *row["shown"]] for row in rows],
        numeric=tuple(range(2, 2 + len(columns))),
    )
    report.extra.append(side)
    return Platform(report=report, rows=rows, columns=columns)

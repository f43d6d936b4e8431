"""A survey's results: per question, counts and percentages, a scale's mean and
distribution, text answers listed; the same numbers feed the charts and the CSV files."""

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _

from .models import CHOICE_KINDS, TEXT_KINDS, Answer, QuestionKind, Response, Survey


@dataclass
class Row:
    label: str
    count: int
    percent: int


@dataclass
class QuestionResult:
    question: Any
    answered: int = 0
    rows: list[Row] = field(default_factory=list)
    mean: float | None = None
    texts: list[str] = field(default_factory=list)

    @property
    def is_text(self) -> bool:
        return self.question.kind in TEXT_KINDS

    @property
    def is_scale(self) -> bool:
        return self.question.kind == QuestionKind.SCALE


@dataclass
class SurveyResults:
    survey: Survey
    responses: int
    questions: list[QuestionResult]


def _safe(value: Any) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: defuse them."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _SafeWriter:
    def __init__(self, out: io.StringIO) -> None:
        self.writer = csv.writer(out)

    def writerow(self, row: list[Any]) -> None:
        self.writer.writerow([_safe(cell) for cell in row])


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def survey_results(survey: Survey) -> SurveyResults:
    """Four queries whatever the number of questions and answers."""
    questions = list(survey.questions.order_by("position", "id"))
    responses = Response.objects.filter(survey=survey).count()
    counts: dict[tuple[int, str, int], int] = {}
    answered: dict[int, int] = {}
    tallies = (
        Answer.objects.filter(question__survey=survey)
        .exclude(option=None, number=None)
        .values("question_id", "option", "number")
        .annotate(n=Count("id"), people=Count("response_id", distinct=True))
    )
    for t in tallies:
        if t["option"] is not None:
            counts[(t["question_id"], "option", t["option"])] = t["n"]
        else:
            counts[(t["question_id"], "number", t["number"])] = t["n"]
    for row in (
        Answer.objects.filter(question__survey=survey)
        .values("question_id")
        .annotate(people=Count("response_id", distinct=True))
    ):
        answered[row["question_id"]] = row["people"]
    texts: dict[int, list[str]] = {}
    for qid, text in (
        Answer.objects.filter(question__survey=survey, question__kind__in=TEXT_KINDS)
        .exclude(text="")
        .order_by("question_id", "text")
        .values_list("question_id", "text")
    ):
        texts.setdefault(qid, []).append(text)
    results = []
    for question in questions:
        result = QuestionResult(question=question, answered=answered.get(question.pk, 0))
        if question.kind in CHOICE_KINDS:
            for index, label in enumerate(question.options):
                n = counts.get((question.pk, "option", index), 0)
                result.rows.append(Row(label, n, _percent(n, result.answered)))
        elif question.kind == QuestionKind.SCALE:
            total = 0
            for value in question.scale:
                n = counts.get((question.pk, "number", value), 0)
                total += n * value
                result.rows.append(Row(str(value), n, _percent(n, result.answered)))
            if result.answered:
                result.mean = round(total / result.answered, 2)
        else:
            result.texts = texts.get(question.pk, [])
        results.append(result)
    return SurveyResults(survey=survey, responses=responses, questions=results)


def results_csv(results: SurveyResults) -> str:
    """Question, answer, count, percent: the numbers of the results page."""
    out = io.StringIO()
    writer = _SafeWriter(out)
    writer.writerow([_("Question"), _("Answer"), _("Count"), _("Percent of those who answered")])
    for result in results.questions:
        text = result.question.text
        for row in result.rows:
            writer.writerow([text, row.label, row.count, row.percent])
        if result.mean is not None:
            writer.writerow([text, _("Mean"), result.mean, ""])
        for answer in result.texts:
            writer.writerow([text, answer, 1, ""])
    return out.getvalue()


def answers_csv(survey: Survey) -> str:
    """One line a response, one column a question (a named survey adds who answered).
    Anonymous responses come in a random order: their keys are random."""
    questions = list(survey.questions.order_by("position", "id"))
    responses = Response.objects.filter(survey=survey).prefetch_related("answers")
    if not survey.anonymous:
        responses = responses.select_related("user").order_by("answered_at")
    else:
        responses = responses.order_by("id")
    out = io.StringIO()
    writer = _SafeWriter(out)
    head = [] if survey.anonymous else [_("Name"), _("Answered at")]
    writer.writerow([*head, *(q.text for q in questions)])
    for response in responses:
        by_question: dict[int, list[str]] = {}
        for answer in response.answers.all():
            by_question.setdefault(answer.question_id, []).append(_value(answer, questions))
        first = []
        if not survey.anonymous:
            who = response.user.name if response.user else _("(signed out)")
            when = response.answered_at.isoformat() if response.answered_at else ""
            first = [who, when]
        writer.writerow([*first, *("; ".join(by_question.get(q.pk, [])) for q in questions)])
    return out.getvalue()


def _value(answer: Answer, questions: list[Any]) -> str:
    if answer.option is not None:
        question = next(q for q in questions if q.pk == answer.question_id)
        options = question.options
        return options[answer.option] if answer.option < len(options) else ""
    if answer.number is not None:
        return str(answer.number)
    return answer.text


def summary_markdown(results: SurveyResults, url: str) -> str:
    """The results quoted in Markdown, for the summary post the leader edits."""
    lines = [
        _("The results of our survey “%(title)s”: %(n)s answers.")
        % {"title": results.survey.title, "n": results.responses},
        "",
    ]
    for result in results.questions:
        lines.append(f"### {result.question.text}")
        lines.append("")
        if result.rows:
            lines.append(f"| {_('Answer')} | {_('Count')} | % |")
            lines.append("| --- | ---: | ---: |")
            for row in result.rows:
                lines.append(f"| {row.label} | {row.count} | {row.percent}% |")
            if result.mean is not None:
                lines.append("")
                lines.append(_("Mean: %(mean)s") % {"mean": result.mean})
        for text in result.texts[:10]:
            lines.append("> " + " ".join(text.split()))
            lines.append("")
        lines.append("")
    lines.append(_("All the results: %(url)s") % {"url": url})
    return "\n".join(lines)

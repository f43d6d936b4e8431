"""Surveys: built by the leaders, opened to an audience, answered once each (changed until
they close when named), reminded, and summed up in a post."""

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import check_can_write, is_active_user
from practica.communities.models import LEADER_ROLES, Community, Membership
from practica.communities.notify import community_activity, note, tell
from practica.core.errors import ServiceError
from practica.core.markdown import render_markdown
from practica.discussions.models import Post
from practica.discussions.services import post_create
from practica.notifications.models import Category

from ..models import (
    CHOICE_KINDS,
    OPTIONS_MAX,
    QUESTION_MAX,
    TEXT_ANSWER_MAX,
    Answer,
    Audience,
    Question,
    QuestionKind,
    Respondent,
    Response,
    Survey,
)
from ..permissions import answer_blocker, check_manage_surveys

SHORT_MAX = 300
# Surveys closing within this time are reminded by the scheduler, once.
REMIND_BEFORE = timedelta(hours=48)


class AnswerErrors(ServiceError):
    """Answers that cannot be taken: a message for each question, by its id."""

    def __init__(self, errors: dict[int, str]) -> None:
        super().__init__(_("Some answers need your attention."))
        self.errors = errors


def _check_dates(opens_at: datetime, closes_at: datetime) -> None:
    if closes_at <= opens_at:
        raise ServiceError(_("The survey must close after it opens."))
    if closes_at <= timezone.now():
        raise ServiceError(_("The survey must close in the future."))


def _check_settings(title: str, audience: str) -> str:
    title = title.strip()
    if not title:
        raise ServiceError(_("Give the survey a title."))
    if audience not in Audience.values:
        raise ServiceError(_("Choose who the survey asks."))
    return title


@transaction.atomic
def survey_create(
    *,
    actor: User,
    community: Community,
    title: str,
    intro: str = "",
    audience: str = Audience.MEMBERS,
    anonymous: bool = True,
    opens_at: datetime,
    closes_at: datetime,
) -> Survey:
    """A draft survey: its questions are added before it is opened."""
    check_manage_surveys(actor, community)
    check_can_write(actor)
    title = _check_settings(title, audience)
    _check_dates(opens_at, closes_at)
    return Survey.objects.create(
        community=community,
        title=title,
        intro=intro,
        intro_html=render_markdown(intro) if intro else "",
        audience=audience,
        anonymous=anonymous,
        opens_at=opens_at,
        closes_at=closes_at,
        created_by=actor,
    )


@transaction.atomic
def survey_edit(
    *,
    actor: User,
    survey: Survey,
    title: str,
    intro: str,
    audience: str,
    anonymous: bool,
    opens_at: datetime,
    closes_at: datetime,
) -> Survey:
    """Change a survey. Once open, who it asks and whether it is anonymous stay as they
    were promised to those who answered; the dates may move."""
    check_manage_surveys(actor, survey.community)
    check_can_write(actor)
    title = _check_settings(title, audience)
    if not survey.is_draft and (audience != survey.audience or anonymous != survey.anonymous):
        raise ServiceError(
            _("Once a survey is open, who it asks and whether it is anonymous cannot change.")
        )
    if not survey.is_draft:
        opens_at = survey.opens_at
    _check_dates(opens_at, closes_at)
    survey.title = title
    survey.intro = intro
    survey.intro_html = render_markdown(intro) if intro else ""
    survey.audience = audience
    survey.anonymous = anonymous
    survey.opens_at = opens_at
    survey.closes_at = closes_at
    survey.save()
    return survey


def _check_draft(survey: Survey) -> None:
    if not survey.is_draft:
        raise ServiceError(_("The questions cannot change once the survey is open."))


@transaction.atomic
def question_add(
    *,
    actor: User,
    survey: Survey,
    kind: str,
    text: str,
    help: str = "",
    required: bool = False,
    choices: str = "",
    scale_min: int = 1,
    scale_max: int = 5,
    scale_low: str = "",
    scale_high: str = "",
) -> Question:
    check_manage_surveys(actor, survey.community)
    _check_draft(survey)
    text = text.strip()
    if kind not in QuestionKind.values:
        raise ServiceError(_("Choose the kind of question."))
    if not text or len(text) > QUESTION_MAX:
        raise ServiceError(
            _("Write the question (at most %(n)s characters).") % {"n": QUESTION_MAX}
        )
    options = [line.strip() for line in choices.splitlines() if line.strip()]
    if kind in CHOICE_KINDS:
        if not 2 <= len(options) <= OPTIONS_MAX:
            raise ServiceError(
                _("Give between 2 and %(n)s options, one a line.") % {"n": OPTIONS_MAX}
            )
        if len({o.lower() for o in options}) != len(options):
            raise ServiceError(_("Each option must be different."))
    else:
        options = []
    if kind == QuestionKind.SCALE and not (0 <= scale_min < scale_max <= 10):
        raise ServiceError(_("A scale runs from 0 or 1 up to at most 10."))
    last = survey.questions.aggregate(m=Max("position"))["m"]
    return Question.objects.create(
        survey=survey,
        kind=kind,
        text=text,
        help=help.strip()[:300],
        required=required,
        position=(last or 0) + 1,
        choices="\n".join(options),
        scale_min=scale_min if kind == QuestionKind.SCALE else 1,
        scale_max=scale_max if kind == QuestionKind.SCALE else 5,
        scale_low=scale_low.strip()[:60] if kind == QuestionKind.SCALE else "",
        scale_high=scale_high.strip()[:60] if kind == QuestionKind.SCALE else "",
    )


@transaction.atomic
def question_delete(*, actor: User, question: Question) -> None:
    check_manage_surveys(actor, question.survey.community)
    _check_draft(question.survey)
    question.delete()


@transaction.atomic
def question_move(*, actor: User, question: Question, up: bool) -> None:
    """Swap the question with the one before (up) or after it."""
    survey = question.survey
    check_manage_surveys(actor, survey.community)
    _check_draft(survey)
    questions = list(survey.questions.select_for_update().order_by("position", "id"))
    index = next(i for i, q in enumerate(questions) if q.pk == question.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(questions):
        return
    questions[index], questions[other] = questions[other], questions[index]
    for position, q in enumerate(questions, start=1):
        if q.position != position:
            q.position = position
            q.save(update_fields=["position"])


def _audience_ids(survey: Survey) -> list[int]:
    """Those a members' or leaders' survey asks (a public one asks nobody by name)."""
    people = Membership.objects.filter(community=survey.community)
    if survey.audience == Audience.LEADERS:
        people = people.filter(role__in=LEADER_ROLES)
    elif survey.audience != Audience.MEMBERS:
        return []
    return list(people.values_list("user_id", flat=True))


def _announce(survey: Survey, actor: Any) -> None:
    """Tell the audience (the members, for a public consultation) that it is open."""
    survey.announced_at = timezone.now()
    survey.save(update_fields=["announced_at"])
    audience = "leaders" if survey.audience == Audience.LEADERS else "members"
    tell(
        survey.community,
        actor=actor,
        verb="survey.opened",
        target=survey,
        audience=audience,
        category=Category.WATCHED,
        title=_("A survey is open in %(community)s: %(title)s (until %(date)s)")
        % {
            "community": survey.community.name,
            "title": survey.title,
            "date": timezone.localtime(survey.closes_at).date().isoformat(),
        },
        url=reverse("survey_detail", args=[survey.pk]),
    )


@transaction.atomic
def survey_open(*, actor: User, survey: Survey) -> Survey:
    """Open the survey to its audience (at its opening date; told then)."""
    check_manage_surveys(actor, survey.community)
    check_can_write(actor)
    _check_draft(survey)
    if not survey.questions.exists():
        raise ServiceError(_("Add at least one question before opening the survey."))
    _check_dates(survey.opens_at, survey.closes_at)
    survey.published_at = timezone.now()
    survey.save(update_fields=["published_at"])
    if survey.opens_at <= timezone.now():
        _announce(survey, actor)
    return survey


@transaction.atomic
def survey_close(*, actor: User, survey: Survey) -> Survey:
    """Close an open survey now (its audience may then read the results)."""
    check_manage_surveys(actor, survey.community)
    check_can_write(actor)
    if survey.is_draft or survey.is_closed:
        raise ServiceError(_("Only an open survey can be closed."))
    survey.closes_at = timezone.now()
    survey.save(update_fields=["closes_at"])
    return survey


def _not_answered(survey: Survey) -> list[int]:
    answered = set(Respondent.objects.filter(survey=survey).values_list("user_id", flat=True))
    return [uid for uid in _audience_ids(survey) if uid not in answered]


@transaction.atomic
def survey_remind(*, actor: User | None, survey: Survey) -> int:
    """Remind those asked who have not answered; returns how many were reminded."""
    if actor is not None:
        check_manage_surveys(actor, survey.community)
    if not survey.is_open:
        raise ServiceError(_("Only an open survey can be reminded."))
    if survey.audience == Audience.PUBLIC:
        raise ServiceError(_("A public consultation asks no one by name: share its link."))
    to = _not_answered(survey)
    survey.reminded_at = timezone.now()
    survey.save(update_fields=["reminded_at"])
    if to:
        community_activity(
            survey.community,
            actor=actor,
            verb="survey.reminded",
            target=survey,
            notes=[
                note(
                    survey.community,
                    to=to,
                    category=Category.WATCHED,
                    kind="survey.reminded",
                    title=_("Reminder: the survey “%(title)s” closes on %(date)s")
                    % {
                        "title": survey.title,
                        "date": timezone.localtime(survey.closes_at).date().isoformat(),
                    },
                    url=reverse("survey_detail", args=[survey.pk]),
                )
            ],
        )
    return len(to)


def _parse(question: Question, values: list[str]) -> tuple[list[dict[str, Any]], str]:
    """The answer rows for `values`, or an error message."""
    values = [v for v in values if v.strip()]
    if not values:
        return [], _("Answer this question.") if question.required else ""
    if question.kind in CHOICE_KINDS:
        try:
            picked = list(dict.fromkeys(int(v) for v in values))
        except ValueError:
            return [], _("Choose among the options.")
        if any(not 0 <= i < len(question.options) for i in picked):
            return [], _("Choose among the options.")
        if question.kind == QuestionKind.SINGLE and len(picked) > 1:
            return [], _("Choose one option.")
        return [{"option": i} for i in picked], ""
    if question.kind == QuestionKind.SCALE:
        try:
            number = int(values[0])
        except ValueError:
            number = None
        if number is None or number not in question.scale:
            return [], _("Choose a point on the scale.")
        return [{"number": number}], ""
    text = values[0].strip()
    limit = SHORT_MAX if question.kind == QuestionKind.SHORT else TEXT_ANSWER_MAX
    if len(text) > limit:
        return [], _("At most %(n)s characters.") % {"n": limit}
    return [{"text": text}], ""


@transaction.atomic
def survey_answer(
    *, actor: Any, survey: Survey, values: dict[int, list[str]], kept: str | None = None
) -> Response:
    """Take `actor`'s answers (`values`: question id → the values sent), or change them.

    Signed in, each person answers once, marked by a Respondent row. A named response is
    found by its person and can be changed until the survey closes. A response without a
    person (anonymous, or signed out in a public consultation) is found only through
    `kept`, its key as the browser that sent it keeps it (in a signed cookie): from that
    browser it can be changed; from anywhere else it cannot, since nothing else knows it."""
    blocker = answer_blocker(actor, survey)
    if blocker:
        raise ServiceError(blocker)
    signed_in = is_active_user(actor)
    if signed_in:
        check_can_write(actor)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    questions = list(survey.questions.order_by("position", "id"))
    rows: list[Answer] = []
    errors: dict[int, str] = {}
    for question in questions:
        parsed, error = _parse(question, values.get(question.pk, []))
        if error:
            errors[question.pk] = error
        rows.extend(Answer(question=question, **fields) for fields in parsed)
    if errors:
        raise AnswerErrors(errors)
    response = kept_response(survey, kept)
    if signed_in:
        if Respondent.objects.filter(survey=survey, user=actor).exists():
            if not survey.anonymous:
                response = Response.objects.filter(survey=survey, user=actor).first()
            elif response is None:
                raise ServiceError(
                    _("You have answered. Anonymous answers can only be changed from the "
                      "browser you answered from: nothing else knows which were yours.")
                )  # fmt: skip
        else:
            Respondent.objects.create(survey=survey, user=actor)
            if not survey.anonymous:
                response = None  # a named response of one's own, not a kept anonymous one
    if response is None:
        named = signed_in and not survey.anonymous
        response = Response.objects.create(
            survey=survey,
            user=actor if named else None,
            # An anonymous response keeps no time: it could be matched to a marker's.
            answered_at=timezone.now() if named else None,
        )
    else:
        response.answers.all().delete()
        if response.user_id is not None:
            response.answered_at = timezone.now()
            response.save(update_fields=["answered_at"])
    for row in rows:
        row.response = response
    Answer.objects.bulk_create(rows)
    return response


def kept_response(survey: Survey, kept: str | None) -> Response | None:
    """The response without a person whose key the browser kept, if it is one of
    `survey`'s."""
    if not kept:
        return None
    try:
        return Response.objects.filter(pk=kept, survey=survey, user=None).first()
    except (ValueError, ValidationError):
        return None


@transaction.atomic
def survey_summary_post(*, actor: User, survey: Survey, title: str, body: str) -> Post:
    """Publish the leader's summary of the results as a discussion in the community."""
    check_manage_surveys(actor, survey.community)
    post = post_create(
        actor=actor, community=survey.community, kind="discussion", title=title, body=body
    )
    survey.summary_post = post
    survey.save(update_fields=["summary_post"])
    return post


def surveys_due_check() -> dict[str, int]:
    """For the scheduler: tell the audience of surveys whose opening date has come, and
    remind, once, those who have not answered a survey closing within two days."""
    now = timezone.now()
    announced = reminded = 0
    due = Survey.objects.filter(published_at__isnull=False, announced_at__isnull=True,
                                opens_at__lte=now, closes_at__gt=now)  # fmt: skip
    for survey in due.select_related("community"):
        with transaction.atomic():
            _announce(survey, survey.created_by)
        announced += 1
    closing = Survey.objects.filter(
        published_at__isnull=False,
        reminded_at__isnull=True,
        opens_at__lte=now,
        closes_at__gt=now,
        closes_at__lte=now + REMIND_BEFORE,
    ).exclude(audience=Audience.PUBLIC)
    for survey in closing.select_related("community"):
        survey_remind(actor=None, survey=survey)
        reminded += 1
    return {"announced": announced, "reminded": reminded}

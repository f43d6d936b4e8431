"""Pages for polls and surveys: thin, over permissions, selectors and services."""

from datetime import date, datetime, time, timedelta
from typing import Any

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.communities import selectors as community_selectors
from practica.communities.models import Community
from practica.communities.permissions import community_abilities
from practica.core.charts import bar_chart, describe
from practica.core.drafts import form_data
from practica.core.errors import ServiceError

from . import results as tally
from . import selectors, services
from .forms import QuestionForm, SummaryPostForm, SurveyForm
from .models import Poll, Question, Response, Survey
from .permissions import (
    answer_blocker,
    can_manage_surveys,
    can_see_results,
    check_manage_surveys,
    check_see_results,
    check_see_survey,
)
from .polls import ballot_from, ballot_keep, close_of_day
from .results import SurveyResults
from .services.surveys import AnswerErrors, kept_response

# --- Polls ------------------------------------------------------------------------------


@require_POST
@write_gate()
def poll_vote(request: HttpRequest, pk: int) -> HttpResponse:
    poll = get_object_or_404(Poll.objects.select_related("post__community"), pk=pk)
    option_ids = [int(v) for v in request.POST.getlist("option") if v.isdigit()]
    ballot = None
    try:
        ballot = services.poll_vote(actor=request.user, poll=poll, option_ids=option_ids,
                                    ballot=ballot_from(request, poll))  # fmt: skip
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your vote is counted."))
    response = redirect(reverse("post_detail", args=[poll.post_id]) + f"#poll-{poll.pk}")
    if ballot is not None:
        ballot_keep(response, poll, ballot)
    return response


# --- Surveys: the community's list and the builder ---------------------------------------


def _community(request: HttpRequest, slug: str) -> Community:
    return community_selectors.access_community(user=request.user, slug=slug)


def _survey(request: HttpRequest, pk: int) -> Survey:
    survey = get_object_or_404(Survey.objects.select_related("community"), pk=pk)
    check_see_survey(request.user, survey)
    return survey


def community_surveys(request: HttpRequest, slug: str) -> HttpResponse:
    community = _community(request, slug)
    # Only the surveys this person may see: outsiders get an empty list, never a count.
    surveys = list(selectors.surveys_for(user=request.user, community=community))
    return render(
        request,
        "consultations/community_surveys.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "surveys": surveys,
            "manage": can_manage_surveys(request.user, community),
        },
    )


def _dates_initial() -> dict[str, Any]:
    today = timezone.localdate()
    return {"opens_on": today, "closes_on": today + timedelta(days=14)}


def _opens_at(day: date) -> datetime:
    """Today (or a day past) opens now; a later day opens at its start."""
    if day <= timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time.min))


@write_gate()
def survey_create(request: HttpRequest, slug: str) -> HttpResponse:
    community = _community(request, slug)
    check_manage_surveys(request.user, community)
    form = SurveyForm(form_data(request), initial={**_dates_initial(), "audience": "members"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            survey = services.survey_create(
                actor=request.user,
                community=community,
                title=data["title"],
                intro=data["intro"],
                audience=data["audience"],
                anonymous=data["anonymous"],
                opens_at=_opens_at(data["opens_on"]),
                closes_at=close_of_day(data["closes_on"]),
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The survey is saved as a draft: add its questions."))
            return redirect("survey_questions", pk=survey.pk)
    return render(
        request,
        "consultations/survey_form.html",
        {"community": community, "form": form, "survey": None},
    )


@write_gate()
def survey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    check_manage_surveys(request.user, survey.community)
    initial = {
        "title": survey.title,
        "intro": survey.intro,
        "audience": survey.audience,
        "anonymous": survey.anonymous,
        "opens_on": timezone.localtime(survey.opens_at).date(),
        "closes_on": timezone.localtime(survey.closes_at).date(),
    }
    form = SurveyForm(form_data(request), initial=initial, opened=not survey.is_draft)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.survey_edit(
                actor=request.user,
                survey=survey,
                title=data["title"],
                intro=data["intro"],
                audience=data["audience"],
                anonymous=data["anonymous"],
                opens_at=_opens_at(data["opens_on"]) if survey.is_draft else survey.opens_at,
                closes_at=close_of_day(data["closes_on"]),
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("survey_detail", pk=survey.pk)
    return render(
        request,
        "consultations/survey_form.html",
        {"community": survey.community, "form": form, "survey": survey},
    )


@write_gate()
def survey_questions(request: HttpRequest, pk: int) -> HttpResponse:
    """The builder: the questions in order, each movable and removable, and a form to add
    one. Works without a script: each button posts and comes back here."""
    survey = _survey(request, pk)
    check_manage_surveys(request.user, survey.community)
    form = QuestionForm(None, initial={"kind": "single", "scale_min": 1, "scale_max": 5})
    if request.method == "POST":
        action = request.POST.get("action", "add")
        try:
            if action == "add":
                form = QuestionForm(request.POST)
                if form.is_valid():
                    services.question_add(actor=request.user, survey=survey, **form.cleaned_data)
                    messages.success(request, _("The question is added."))
                    return redirect("survey_questions", pk=survey.pk)
            else:
                question = get_object_or_404(
                    Question, pk=request.POST.get("question") or 0, survey=survey
                )
                if action == "delete":
                    services.question_delete(actor=request.user, question=question)
                    messages.success(request, _("The question is removed."))
                elif action in ("up", "down"):
                    services.question_move(actor=request.user, question=question, up=action == "up")
                return redirect("survey_questions", pk=survey.pk)
        except ServiceError as error:
            if action == "add":
                form.add_error(None, error.message)
            else:
                messages.error(request, error.message)
                return redirect("survey_questions", pk=survey.pk)
    return render(
        request,
        "consultations/survey_questions.html",
        {
            "community": survey.community,
            "survey": survey,
            "questions": selectors.survey_questions(survey=survey),
            "form": form,
        },
    )


@require_POST
@write_gate()
def survey_open(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    try:
        services.survey_open(actor=request.user, survey=survey)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("survey_questions", pk=survey.pk)
    messages.success(request, _("The survey is open."))
    return redirect("survey_detail", pk=survey.pk)


@require_POST
@write_gate()
def survey_remind(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    try:
        n = services.survey_remind(actor=request.user, survey=survey)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(n)s people who have not answered were reminded.") % {"n": n})
    return redirect("survey_detail", pk=survey.pk)


@require_POST
@write_gate()
def survey_close(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    try:
        services.survey_close(actor=request.user, survey=survey)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The survey is closed: those asked can now see the results."))
    return redirect("survey_detail", pk=survey.pk)


# --- Answering --------------------------------------------------------------------------


def _values(request: HttpRequest, questions: list[Question]) -> dict[int, list[str]]:
    return {q.pk: request.POST.getlist(f"q-{q.pk}") for q in questions}


def _previous(response: Response | None) -> dict[int, list[str]]:
    """A response's answers, to fill the form for changing them."""
    values: dict[int, list[str]] = {}
    if response is None:
        return values
    for answer in response.answers.all():
        value = answer.option if answer.option is not None else answer.number
        values.setdefault(answer.question_id, []).append(
            str(value) if value is not None else answer.text
        )
    return values


def _cookie(survey: Survey) -> str:
    return f"survey-{survey.pk}"


def _kept(request: HttpRequest, survey: Survey) -> str:
    """The key of the response without a person that this browser sent, if any, for the
    same person (or the same signed-out visitor): a shared computer keeps it from the next."""
    name = _cookie(survey)
    value = request.get_signed_cookie(name, default="", salt=name) or ""
    who, _sep, key = value.partition(":")
    return key if who == str(request.user.pk or 0) else ""


def _too_many_answers(request: HttpRequest, survey: Survey) -> bool:
    """New signed-out answers to one consultation from one address (IP) in the last hour,
    counted in the shared cache: a public form is a target for flooding."""
    try:
        ip = get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        ip = "unknown"
    key = f"consultation:answers:{survey.pk}:{ip}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return bool(count > settings.PRACTICA_CONSULTATION_ANSWERS_PER_HOUR)


def _answer_page(request: HttpRequest, survey: Survey, *, public: bool) -> HttpResponse:
    questions = selectors.survey_questions(survey=survey)
    signed_in = request.user.is_authenticated
    kept = kept_response(survey, _kept(request, survey))
    mine = kept or selectors.my_response(survey=survey, user=request.user)
    answered = mine is not None or selectors.has_answered(survey=survey, user=request.user)
    blocker = answer_blocker(request.user, survey)
    can_answer = blocker is None and (not answered or mine is not None)
    errors: dict[int, str] = {}
    values = _previous(mine)
    if request.method == "POST":
        values = _values(request, questions)
        if not can_answer:
            messages.error(request, blocker or _("You have answered this survey."))
        elif not signed_in and mine is None and _too_many_answers(request, survey):
            messages.error(request, _("Too many answers came from your network in the last "
                                      "hour. Please try again later."))  # fmt: skip
        else:
            try:
                response = services.survey_answer(
                    actor=request.user, survey=survey, values=values, kept=_kept(request, survey)
                )
            except AnswerErrors as error:
                errors = error.errors
            except ServiceError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Thank you: your answers are recorded."))
                target = (
                    reverse("consultation", args=[survey.token])
                    if public
                    else reverse("survey_detail", args=[survey.pk])
                )
                page = redirect(target)
                if response.user_id is None:  # only this browser will know it is theirs
                    name = _cookie(survey)
                    age = int((survey.closes_at - timezone.now()).total_seconds()) + 86400
                    value = f"{request.user.pk or 0}:{response.pk}"
                    page.set_signed_cookie(name, value, salt=name, max_age=age,
                                           httponly=True, samesite="Lax",
                                           secure=settings.SESSION_COOKIE_SECURE)  # fmt: skip
                return page
    rows = [
        {"question": q, "error": errors.get(q.pk, ""), "values": values.get(q.pk, [])}
        for q in questions
    ]
    manage = can_manage_surveys(request.user, survey.community)
    return render(
        request,
        "consultations/survey_detail.html",
        {
            "community": survey.community,
            "survey": survey,
            "rows": rows,
            "errors": errors,
            "answered": answered,
            "can_change": mine is not None,
            "can_answer": can_answer,
            "blocker": blocker,
            "public": public,
            "manage": manage,
            "signed_in": signed_in,
            "can_results": can_see_results(request.user, survey),
            "public_url": request.build_absolute_uri(reverse("consultation", args=[survey.token]))
            if manage and survey.is_public
            else "",
        },
    )


def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    return _answer_page(request, survey, public=False)


def consultation(request: HttpRequest, token: str) -> HttpResponse:
    """A public consultation, answerable by anyone with its link, signed in or not."""
    survey = Survey.objects.select_related("community").filter(token=token).first()
    if survey is None or not survey.is_public or survey.is_draft:
        raise Http404
    return _answer_page(request, survey, public=True)


# --- Results ----------------------------------------------------------------------------


def _charts(results: SurveyResults) -> list[dict[str, Any]]:
    shown = []
    for result in results.questions:
        chart = None
        if result.rows and result.answered:
            labels = [row.label for row in result.rows]
            values = [row.count for row in result.rows]
            chart = bar_chart(
                title=result.question.text,
                description=_("Answers of %(n)s people: %(numbers)s")
                % {"n": result.answered, "numbers": describe(labels, values)},
                labels=labels,
                values=values,
                horizontal=not result.is_scale,
            )
        shown.append({"result": result, "chart": chart})
    return shown


def survey_results(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    check_see_results(request.user, survey)
    results = tally.survey_results(survey)
    return render(
        request,
        "consultations/survey_results.html",
        {
            "community": survey.community,
            "survey": survey,
            "results": results,
            "shown": _charts(results),
            "manage": can_manage_surveys(request.user, survey.community),
        },
    )


def _csv(text: str, name: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def survey_results_csv(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    check_see_results(request.user, survey)
    return _csv(tally.results_csv(tally.survey_results(survey)), f"survey-{survey.pk}-results.csv")


@login_required
def survey_answers_csv(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    check_manage_surveys(request.user, survey.community)
    return _csv(tally.answers_csv(survey), f"survey-{survey.pk}-answers.csv")


@write_gate()
def survey_summary(request: HttpRequest, pk: int) -> HttpResponse:
    """The summary post: the results quoted in a draft the leader edits, then publishes
    in the community as a discussion."""
    survey = _survey(request, pk)
    check_manage_surveys(request.user, survey.community)
    url = request.build_absolute_uri(reverse("survey_results", args=[survey.pk]))
    initial = {
        "title": _("Results: %(title)s") % {"title": survey.title},
        "body": tally.summary_markdown(tally.survey_results(survey), url),
    }
    form = SummaryPostForm(form_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.survey_summary_post(
                actor=request.user,
                survey=survey,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The summary is published."))
            return redirect(post)
    return render(
        request,
        "consultations/survey_summary.html",
        {"community": survey.community, "survey": survey, "form": form},
    )

"""What the governance pages need in the showcase: a published agreement (version 2, the
first kept), endorsed, with a draft open for comments; a published plan whose activities
link the thread, the event and the resource; and next year's plan as a draft."""

from datetime import date

from practica.governance import services
from practica.governance.selectors import agreement_draft
from tests.browser.showcase import LONG_WORD

AGREEMENT = """\
## Respect
We criticise practices and rulings with reasons, never the people who hold them.

## Confidentiality
Nothing that could identify a participant: no names, initials or docket numbers.

## No legal advice on live cases
We discuss practice, not matters before a court.
"""


def build_governance(community, member, leader, others, *, thread, event, resource) -> dict:
    services.agreement_draft_save(actor=leader, community=community, body=AGREEMENT)
    services.agreement_publish(actor=leader, community=community)
    services.agreement_draft_save(
        actor=leader, community=community, body=AGREEMENT + f"\n## Recordings\n{LONG_WORD}",
        summary_of_changes="A section on recordings.",
    )  # fmt: skip
    version = services.agreement_publish(actor=leader, community=community)
    community.refresh_from_db()
    for person in [member, *others]:
        services.agreement_accept(user=person, community=community)
    for person in others[:3]:
        services.agreement_endorse(actor=person, community=community)
    services.agreement_draft_save(
        actor=leader, community=community, body=AGREEMENT + "\n## Outside tools\nNone."
    )
    services.agreement_comments_open(actor=leader, community=community, days=14)
    services.draft_comment_add(
        actor=others[0], community=community, body="Could we add a line on interpreters?"
    )
    year = date.today().year
    plan = services.plan_draft_save(
        actor=leader, community=community, title=f"Our plan for {year}",
        starts_on=date(year, 1, 1), ends_on=date(year, 12, 31), introduction="Our year.",
    )  # fmt: skip
    goal = services.goal_add(
        actor=leader, plan=plan, title="Share what works in review hearings",
        description="Compare practice across courts.",
    )  # fmt: skip
    services.activity_add(
        actor=leader, goal=goal, title="Summarise the review-hearing thread", owner=member,
        due_on=date(year, 3, 31), status="done", post=thread,
    )  # fmt: skip
    services.activity_add(
        actor=leader, goal=goal, title="Run the webinar", owner=leader,
        due_on=date(year, 6, 30), status="in_progress", event=event,
    )  # fmt: skip
    other_goal = services.goal_add(actor=leader, plan=plan, title=f"Mentor {LONG_WORD}")
    services.activity_add(
        actor=leader, goal=other_goal, title="Update the guide", owner=others[1],
        status="planned", resource=resource,
    )  # fmt: skip
    services.plan_publish(actor=leader, plan=plan)
    draft = services.plan_draft_save(
        actor=leader, community=community, title=f"Our plan for {year + 1}",
        starts_on=date(year + 1, 1, 1), ends_on=date(year + 1, 12, 31),
    )  # fmt: skip
    draft_goal = services.goal_add(actor=leader, plan=draft, title="Measure what matters")
    draft_activity = services.activity_add(
        actor=leader, goal=draft_goal, title="Agree on outcome measures", owner=member
    )
    services.plan_comments_open(actor=leader, plan=draft, days=14)
    services.draft_comment_add(
        actor=member, community=community, body="Include housing outcomes.", plan=draft
    )
    assert agreement_draft(community=community) is not None
    return {
        "agreement_version": version,
        "plan": plan,
        "plan_activity": plan.goals.first().activities.first(),
        "draft_goal": draft_goal,
        "draft_activity": draft_activity,
    }

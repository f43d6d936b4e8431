"""Expected statuses by role for the governance app's URLs (see expected.py): the
members-only community's agreement (published, a draft open for comments) and plans (one
published, whose activity the member owns, and a draft open for comments)."""

from .world import LEADERS, MEMBERS_403, POST_ONLY, row


def governance(w):
    if not hasattr(w, "plan"):
        from datetime import date

        from practica.governance import services

        leader, member = w.users["leader"], w.users["member"]
        services.agreement_draft_save(
            actor=leader, community=w.community, body="Marram agreement text"
        )
        services.agreement_publish(actor=leader, community=w.community)
        w.community.refresh_from_db()
        services.agreement_comments_open(actor=leader, community=w.community, days=7)
        plan = services.plan_draft_save(
            actor=leader, community=w.community, title="Marram plan",
            starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31),
        )  # fmt: skip
        goal = services.goal_add(actor=leader, plan=plan, title="Learn together")
        w.activity = services.activity_add(
            actor=leader, goal=goal, title="Monthly case clinic", owner=member
        )
        w.plan = services.plan_publish(actor=leader, plan=plan)
        draft = services.plan_draft_save(
            actor=leader, community=w.community, title="Marram next plan",
            starts_on=date(2027, 1, 1), ends_on=date(2027, 12, 31),
        )  # fmt: skip
        w.draft_goal = services.goal_add(actor=leader, plan=draft, title="Reach further")
        services.plan_comments_open(actor=leader, plan=draft, days=7)
        # The member accepted the version in force, so that their pages are not redirects.
        services.agreement_accept(user=member, community=w.community)
    return {"slug": w.community.slug}


def plan_pk(w):
    return {**governance(w), "pk": w.plan.pk}


GOVERNANCE: dict = {
    "agreement": (governance, MEMBERS_403),
    "agreement_draft": (governance, MEMBERS_403),
    "agreement_edit": (governance, LEADERS),
    "agreement_publish": (governance, POST_ONLY),
    "agreement_versions": (governance, MEMBERS_403),
    "agreement_version": (lambda w: {**governance(w), "number": 1}, MEMBERS_403),
    "plan": (governance, MEMBERS_403),
    "plan_detail": (plan_pk, MEMBERS_403),
    "plan_draft": (governance, MEMBERS_403),
    "plan_edit": (governance, LEADERS),
    "plan_publish": (governance, POST_ONLY),
    "goal_edit": (lambda w: {**governance(w), "pk": w.draft_goal.pk}, LEADERS),
    # The member owns the activity: they may say how it is going.
    "activity_edit": (
        lambda w: {**governance(w), "pk": w.activity.pk},
        row(302, 403, 403, 200, 403, 200, 200),
    ),
}

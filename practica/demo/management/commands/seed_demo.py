"""Fill an empty site with demo content; running it again changes nothing."""

import random
from pathlib import Path
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from practica.accounts.models import CodeOfConduct, ConductAcceptance, Occupation, User
from practica.accounts.services import handle_for
from practica.communities.models import (
    Community,
    CommunityProposal,
    FocusArea,
    JoinRequest,
    Membership,
    Role,
    Suspension,
)
from practica.consultations.models import Survey
from practica.demo import content as demo
from practica.demo import people as demo_people
from practica.demo.consultations import seed_consultations
from practica.demo.directory import seed_directory
from practica.demo.discussions import seed_discussions
from practica.demo.events import seed_events
from practica.demo.faces import seed_faces
from practica.demo.following import seed_following
from practica.demo.governance import seed_governance
from practica.demo.knowledge import seed_knowledge
from practica.demo.library import seed_library
from practica.demo.messaging import seed_messaging
from practica.demo.moderation import seed_moderation
from practica.demo.notices import seed_notices
from practica.demo.recognition import seed_recognition
from practica.demo.reports import seed_reports
from practica.demo.search import seed_search
from practica.demo.seeding import past_quietly
from practica.demo.standing import seed_standing
from practica.demo.workgroups import seed_workgroups
from practica.directory.models import Expertise
from practica.discussions.models import Post
from practica.events.models import Event
from practica.governance.models import AgreementVersion
from practica.knowledge.models import InformationRequest
from practica.library.models import Resource
from practica.messaging.models import Conversation
from practica.moderation.models import Case
from practica.newsletter.demo import seed_newsletter
from practica.newsletter.models import Issue
from practica.notifications.models import Watch
from practica.recognition.models import Award
from practica.workgroups.models import WorkingGroup

DEMO_LOGINS = [
    # email, role, name, affiliation, occupation, staff, country, jurisdiction, languages,
    # interests
    ("staff@example.org", "Host staff", "Morgan Ellis", "Practica host team", "other", True,
     "Canada", "Ontario", "English, French", "community facilitation, events"),
    ("chair@example.org", "Chair of Drug Treatment Courts", "Judge Ruth Okonkwo",
     "Lagos State High Court", "judge", False, "Nigeria", "Lagos State", "English, Yoruba",
     "treatment courts, incentives and sanctions, judicial education"),
    ("member@example.org", "Member of several communities", "Tomás Herrera",
     "Legal Aid Cusco", "lawyer", False, "Peru", "Cusco", "Spanish, Quechua, English",
     "legal aid, youth justice, triage"),
    ("applicant@example.org", "Pending applicant", "Sophie Lambert",
     "Lyon Recovery Services", "treatment", False, "France", "Auvergne-Rhône-Alpes",
     "French, English", "addiction treatment, treatment courts"),
]  # fmt: skip


class Command(BaseCommand):
    help = "Create the demo communities, members, requests and proposal (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        with past_quietly():
            self._parts()
        self._write_logins()

    def _parts(self) -> None:
        # Each part is seeded once, so that a site seeded by an older version gains the
        # newer parts and running the command again changes nothing.
        if User.objects.filter(email=DEMO_LOGINS[0][0]).exists():
            self.stdout.write("Demo people and communities already present.")
        else:
            with transaction.atomic():
                self._seed()
            self.stdout.write(self.style.SUCCESS("Demo people and communities created."))
        if Post.objects.exists():
            self.stdout.write("Demo discussions already present.")
        else:
            with transaction.atomic():
                seed_discussions(random.Random(2027))
            self.stdout.write(self.style.SUCCESS("Demo discussions created."))
        if Event.objects.exists():
            self.stdout.write("Demo events already present.")
        else:
            with transaction.atomic():
                seed_events(random.Random(2028))
            self.stdout.write(self.style.SUCCESS("Demo events created."))
        if Resource.objects.exists():
            self.stdout.write("Demo library already present.")
        else:
            with transaction.atomic():
                seed_library(random.Random(2029))
            self.stdout.write(self.style.SUCCESS("Demo library created."))
        if User.objects.exclude(photo="").exists():
            self.stdout.write("Demo faces already present.")
        else:
            with transaction.atomic():
                seed_faces(random.Random(2030))
            self.stdout.write(self.style.SUCCESS("Demo faces created."))
        if Watch.objects.exists():
            self.stdout.write("Demo watches and notifications already present.")
        else:
            with transaction.atomic():
                seed_following(random.Random(2031))
            seed_notices(random.Random(2032))
            self.stdout.write(self.style.SUCCESS("Demo watches and notifications created."))
        if Expertise.objects.exists():
            self.stdout.write("Demo expertise already present.")
        else:
            with transaction.atomic():
                seed_directory(random.Random(2033))
            self.stdout.write(self.style.SUCCESS("Demo expertise created."))
        if InformationRequest.objects.exists():
            self.stdout.write("Demo requests for information already present.")
        else:
            with transaction.atomic():
                seed_knowledge()
            self.stdout.write(self.style.SUCCESS("Demo requests for information created."))
        if Conversation.objects.exists():
            self.stdout.write("Demo private messages already present.")
        else:
            with transaction.atomic():
                seed_messaging()
            self.stdout.write(self.style.SUCCESS("Demo private messages created."))
        if AgreementVersion.objects.exists():
            self.stdout.write("Demo agreement and plans already present.")
        else:
            with transaction.atomic():
                seed_governance()
            self.stdout.write(self.style.SUCCESS("Demo agreement and plans created."))
        if Case.objects.exists():
            self.stdout.write("Demo moderation already present.")
        else:
            with transaction.atomic():
                seed_moderation()
            self.stdout.write(self.style.SUCCESS("Demo moderation created."))
        if Suspension.objects.exists():
            self.stdout.write("Demo suspensions and trust levels already present.")
        else:
            with transaction.atomic():
                seed_standing()
            self.stdout.write(self.style.SUCCESS("Demo suspensions and trust levels created."))
        if Issue.objects.exists():
            self.stdout.write("Demo newsletter already present.")
        else:
            with transaction.atomic():
                self._seed_newsletter()
            self.stdout.write(self.style.SUCCESS("Demo newsletter created."))
        if Survey.objects.exists():
            self.stdout.write("Demo polls and surveys already present.")
        else:
            with transaction.atomic():
                seed_consultations()
            self.stdout.write(self.style.SUCCESS("Demo polls and surveys created."))
        if Award.objects.exists():
            self.stdout.write("Demo badges already present.")
        else:
            with transaction.atomic():
                seed_recognition()
            self.stdout.write(self.style.SUCCESS("Demo badges and development record created."))
        if WorkingGroup.objects.exists():
            self.stdout.write("Demo working groups already present.")
        else:
            with transaction.atomic():
                seed_workgroups()
            self.stdout.write(
                self.style.SUCCESS("Demo working groups and scheduled posts created.")
            )
        indexed = seed_search()
        self.stdout.write(self.style.SUCCESS(f"Search index built ({indexed} things)."))
        rollups = seed_reports()
        self.stdout.write(self.style.SUCCESS(f"Report rollups built ({rollups} member-days)."))

    def _seed_newsletter(self) -> None:
        staff = User.objects.get(email=DEMO_LOGINS[0][0])
        members = User.objects.filter(email__in=[row[0] for row in DEMO_LOGINS[1:3]])
        community = Community.objects.filter(memberships__user__in=members).first()
        seed_newsletter(staff=staff, members=list(members), community=community)

    def _write_logins(self) -> None:
        lines = [f"Demo logins (password for all: {demo.DEMO_PASSWORD}):"]
        lines += [f"  {role:<34} {email}" for email, role, *_ in DEMO_LOGINS]
        path = Path(settings.VAR_DIR) / "demo_logins.txt"
        path.write_text("\n".join(lines) + "\n")
        self.stdout.write("\n".join(lines))

    def _seed(self) -> None:
        rng = random.Random(2026)  # a fixed seed: the same demo site every time
        password = make_password(demo.DEMO_PASSWORD)  # hash once; it is slow on purpose
        conduct = CodeOfConduct.objects.order_by("-version").first()
        if conduct is None:
            raise CommandError("Run the migrations first: they publish the code of conduct.")
        areas = {area.slug: area for area in FocusArea.objects.all()}

        named = []
        for row in DEMO_LOGINS:
            email, _label, name, affiliation, occupation, is_staff = row[:6]
            country, jurisdiction, languages, interests = row[6:]
            named.append(
                User(
                    email=email,
                    password=password,
                    display_name=name,
                    affiliation=affiliation,
                    occupation=occupation,
                    country=country,
                    jurisdiction=jurisdiction,
                    languages=languages,
                    interests=interests,
                    bio=demo_people.bio(rng, occupation, affiliation, interests),
                    is_staff=is_staff,
                    is_superuser=is_staff,
                    accepted_conduct_version=conduct.version,
                )
            )
        people = [
            User(
                email=f"member{i + 1:02d}@example.org",
                password=password,
                display_name=name,
                handle=handle or None,
                affiliation=affiliation,
                occupation=occupation,
                country=country,
                jurisdiction=jurisdiction,
                languages=languages,
                interests=interests,
                bio=demo_people.bio(rng, occupation, affiliation, interests),
                accepted_conduct_version=conduct.version,
            )
            for i, (name, occupation, affiliation, country, jurisdiction, languages, interests,
                    handle) in enumerate(demo_people.PEOPLE)
        ]  # fmt: skip
        taken: set[str] = set()
        for person in named + people:
            person.handle = handle_for(person.handle or person.display_name, taken)
            taken.add(person.handle)
            # Established members, not brand-new accounts held by the new-account limits.
            person.date_joined = timezone.now() - timezone.timedelta(days=rng.randint(40, 900))
        User.objects.bulk_create(named + people)
        users = {u.email: u for u in User.objects.all()}
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user=u, email=u.email, verified=True, primary=True)
                for u in users.values()
            ]
        )
        ConductAcceptance.objects.bulk_create(
            [ConductAcceptance(user=u, conduct=conduct) for u in users.values()]
        )
        _staff, chair, member, applicant = (users[row[0]] for row in DEMO_LOGINS)
        people = [users[p.email] for p in people]
        judges = [p for p in people if p.occupation == Occupation.JUDGE]

        now = timezone.now()
        chairs: set[int] = {chair.pk}
        for index, row in enumerate(demo.COMMUNITIES):
            name, slug, summary, domain, focus, visibility, policy, eligibility, status, rules = row
            community = Community.objects.create(
                name=name,
                slug=slug,
                summary=summary,
                domain=domain,
                rules=rules,
                visibility=visibility,
                join_policy=policy,
                eligibility=eligibility,
                status=status,
            )
            community.focus_areas.set([areas[s] for s in focus if s in areas])
            pool = judges if eligibility else people
            chosen = rng.sample(pool, min(len(pool), rng.randint(14, 30)))
            roles = [Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY] + [Role.MEMBER_AT_LARGE] * (
                rng.randint(2, 4)
            )
            # The leaders and a core of members are people whose work fits the community.
            fitting = _fitting(rng.sample(pool, len(pool)), *demo.FIT.get(slug, ((), ())))
            core = fitting[: len(roles) + rng.randint(2, 6)]
            # Nobody chairs two communities: someone else in the core takes the chair.
            free = [p for p in core if p.pk not in chairs]
            core = [*free[:1], *[p for p in core if p not in free[:1]]]
            if core:
                chairs.add(core[0].pk)
            chosen = [*core, *[p for p in chosen if p not in core]]
            if slug == "drug-treatment-courts":
                chosen = [chair, *[p for p in chosen if p != chair]]
            if slug == "judges-roundtable":
                chosen = [*chosen, chair]
            if not eligibility and visibility != "hidden" and index % 3 != 2:
                chosen.append(member)
            memberships = []
            for position, user in enumerate(dict.fromkeys(chosen)):
                role = roles[position] if position < len(roles) else Role.MEMBER
                joined = now - timezone.timedelta(days=rng.randint(1, 700))
                memberships.append(
                    Membership(user=user, community=community, role=role, joined_at=joined)
                )
            Membership.objects.bulk_create(memberships)
            if community.needs_review and status == "active":
                members = {m.user_id for m in memberships}
                waiting = [p for p in pool if p.pk not in members][:3]
                if slug == "drug-treatment-courts":
                    waiting = [applicant, *waiting[:2]]
                JoinRequest.objects.bulk_create(
                    [
                        JoinRequest(
                            user=user,
                            community=community,
                            occupation=user.occupation,
                            affiliation=user.affiliation,
                            interest=user.interests or "practice exchange",
                            statement=rng.choice(demo.STATEMENTS),
                            eligibility_declared=bool(eligibility),
                            conduct_version=1,
                        )
                        for user in waiting
                    ]
                )
        CommunityProposal.objects.create(
            proposer=member,
            name="Victim Services Practitioners",
            domain="Advocates and coordinators who support victims through the court process.",
            rationale="Victim advocates are scattered across other communities and would "
            "benefit from a place of their own to compare practice.",
            audience="Victim advocates, witness support staff, prosecutors' victim units.",
        )
        CommunityProposal.objects.create(
            proposer=people[5],
            name="Bail and Pre-trial Practice",
            domain="Pre-trial release decisions, supervision and alternatives to detention.",
            rationale="Several members asked about pre-trial reform in the youth and data "
            "communities; a focused space would help.",
            audience="Judges, pre-trial services staff, defenders and researchers.",
        )


def _fitting(
    people: list[User], occupations: tuple[str, ...], words: tuple[str, ...]
) -> list[User]:
    """People whose interests and occupation fit a community, best first (ties keep order)."""

    def score(person: User) -> int:
        interested = any(w.lower() in person.interests.lower() for w in words)
        return 2 * interested + (person.occupation in occupations)

    return sorted((p for p in people if score(p)), key=score, reverse=True)

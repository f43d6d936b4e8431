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
)
from practica.demo import content as demo
from practica.demo.discussions import seed_discussions
from practica.demo.events import seed_events
from practica.demo.faces import seed_faces
from practica.demo.library import seed_library
from practica.discussions.models import Post
from practica.events.models import Event
from practica.library.models import Resource

DEMO_LOGINS = [
    ("staff@example.org", "Host staff", "Morgan Ellis", "Practica host team", "other", True),
    ("chair@example.org", "Chair of Drug Treatment Courts", "Judge Ruth Okonkwo",
     "Lagos State High Court", "judge", False),
    ("member@example.org", "Member of several communities", "Tomás Herrera",
     "Legal Aid Cusco", "lawyer", False),
    ("applicant@example.org", "Pending applicant", "Sophie Lambert",
     "Lyon Recovery Services", "treatment", False),
]  # fmt: skip


class Command(BaseCommand):
    help = "Create the demo communities, members, requests and proposal (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
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
        self._write_logins()

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
        for email, _label, name, affiliation, occupation, is_staff in DEMO_LOGINS:
            named.append(
                User(
                    email=email,
                    password=password,
                    display_name=name,
                    affiliation=affiliation,
                    occupation=occupation,
                    country=rng.choice(demo.COUNTRIES),
                    languages="English, French",
                    interests=", ".join(rng.sample(demo.INTERESTS, 3)),
                    bio="A demo account for trying Practica.",
                    is_staff=is_staff,
                    is_superuser=is_staff,
                    accepted_conduct_version=conduct.version,
                )
            )
        occupations = [o for o in Occupation.values]
        people = []
        for i in range(64):
            first = demo.FIRST_NAMES[i % len(demo.FIRST_NAMES)]
            last = demo.LAST_NAMES[(i * 7) % len(demo.LAST_NAMES)]
            occupation = occupations[i % len(occupations)]
            place = rng.choice(demo.PLACES)
            people.append(
                User(
                    email=f"member{i + 1:02d}@example.org",
                    password=password,
                    display_name=f"{first} {last}",
                    affiliation=rng.choice(demo.AFFILIATIONS[occupation]).format(
                        place=place, last=last
                    ),
                    occupation=occupation,
                    country=rng.choice(demo.COUNTRIES),
                    jurisdiction=place,
                    languages=", ".join(rng.sample(demo.LANGUAGES, rng.randint(1, 3))),
                    interests=", ".join(rng.sample(demo.INTERESTS, rng.randint(1, 4))),
                    accepted_conduct_version=conduct.version,
                )
            )
        taken: set[str] = set()
        for person in named + people:
            person.handle = handle_for(person.display_name, taken)
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

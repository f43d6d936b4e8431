"""Members, communities and memberships: who is where, and who talks most."""

import itertools
import random
from collections.abc import Iterator

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from practica.accounts.models import CodeOfConduct, ConductAcceptance, Occupation, User
from practica.communities.models import Community, FocusArea, Membership, Role

from .base import Seeding
from .bulk import heavy_tail, insert
from .directory import directory_fields
from .sizes import BENCH_PASSWORD, BENCH_USERS, SEED, bench_email
from .words import BODIES, FIRST, KINDS_OF_GROUP, LAST, PLACES, TAG_WORDS, TOPICS


class People(Seeding):
    def people(self) -> None:
        rng = self.rng
        password = make_password(BENCH_PASSWORD)
        conduct = CodeOfConduct.objects.order_by("-version").first()
        version = conduct.version if conduct else 0
        occupations = [choice.value for choice in Occupation]
        n = self.size.members
        self.activity = heavy_tail(rng, n, 1.3)
        for i in range(BENCH_USERS):  # the benchmark's signed-in people are regulars
            self.activity[i] = max(self.activity[i], 5.0)

        # Its own generator: adding these fields changed nothing else the seeder makes.
        directory_rng = random.Random(SEED + 12)  # noqa: S311 - made-up data

        def users() -> Iterator[User]:
            for i in range(n):
                first, last = rng.choice(FIRST), rng.choice(LAST)
                yield User(
                    id=i + 1,
                    email=bench_email(i),
                    password=password,
                    display_name=f"{first} {last}",
                    handle=f"{slugify(first)}-{slugify(last)}-{i}"[:40],
                    affiliation=f"{rng.choice(PLACES)} {rng.choice(BODIES)}",
                    occupation=rng.choice(occupations),
                    country=rng.choice(["Canada", "Nigeria", "Peru", "Australia", "Ireland"]),
                    languages=rng.choice(["English", "English, French", "Spanish, English"]),
                    interests=", ".join(rng.sample(TAG_WORDS, 2)),
                    date_joined=self._ago(30 + rng.random() * 1500),
                    accepted_conduct_version=version,
                    is_active=True,
                    **directory_fields(directory_rng, i),
                )

        insert(User, users())
        insert(
            EmailAddress,
            (
                EmailAddress(id=i + 1, user_id=i + 1, email=bench_email(i), verified=True,
                             primary=True)
                for i in range(n)
            ),
        )  # fmt: skip
        if conduct:
            insert(
                ConductAcceptance,
                (ConductAcceptance(user_id=i + 1, conduct=conduct) for i in range(n)),
            )
        self.log(f"{n} members")

    # --- Communities and memberships -------------------------------------------------------------

    def communities(self) -> None:
        rng = self.rng
        n = self.size.communities
        names = [f"{t} {k}" for k in KINDS_OF_GROUP for t in TOPICS]
        names += [f"{t} {k} {p}" for p in PLACES for k in KINDS_OF_GROUP for t in TOPICS]
        self.community_weight = sorted(heavy_tail(rng, n, 1.1), reverse=True)
        visibility = ["public"] * 16 + ["members"] * 3 + ["hidden"]
        rows = []
        for i in range(n):
            name = names[i]
            rows.append(
                Community(
                    id=i + 1,
                    name=name,
                    slug=slugify(name)[:80],
                    summary=f"Practitioners working on {name.lower()} compare what works.",
                    domain=self.words.posts[i % len(self.words.posts)][0][:1500],
                    # The busiest communities are public, as on real platforms.
                    visibility="public" if i < 3 else rng.choice(visibility),
                    join_policy=rng.choice(["open", "open", "approval"]),
                    created_at=self._ago(1200 + rng.random() * 300),
                )
            )
        insert(Community, rows)
        self.visibility = {c.id: c.visibility for c in rows}
        areas = list(FocusArea.objects.values_list("id", flat=True))
        if areas:
            through = Community.focus_areas.through
            insert(
                through,
                (through(community_id=c.id, focusarea_id=rng.choice(areas)) for c in rows),
            )
        self.log(f"{n} communities")

    def memberships(self) -> None:
        rng = self.rng
        n_users, n_comm = self.size.members, self.size.communities
        communities = list(range(1, n_comm + 1))
        joined: dict[int, list[int]] = {c: [] for c in communities}
        for user in range(1, n_users + 1):
            count = rng.choice([1, 1, 1, 2, 2, 3, 4, 6])
            if user <= BENCH_USERS:
                count = 6
            picks = set(rng.choices(communities, weights=self.community_weight, k=count))
            if user <= BENCH_USERS:
                picks |= {1, 2, 3}
            for community in picks:
                joined[community].append(user)
        # Every community has a chair and a few leaders, even a quiet one.
        rows = []
        ident = itertools.count(1)
        for community, users in joined.items():
            leaders = [u for u in users if u > BENCH_USERS][:3]
            if not leaders:  # the benchmark's people are plain members everywhere
                leaders = [rng.randint(BENCH_USERS + 1, n_users)]
                users.insert(0, leaders[0])
            roles = dict(zip(leaders, [Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY], strict=False))
            for user in users:
                rows.append(
                    Membership(
                        id=next(ident),
                        user_id=user,
                        community_id=community,
                        role=roles.get(user, Role.MEMBER),
                        joined_at=self._ago(30 + rng.random() * 1000),
                    )
                )
        insert(Membership, rows)
        self.members_of = joined
        # Cumulative activity weights per community, to pick authors quickly.
        self.author_weights = {
            c: list(itertools.accumulate(self.activity[u - 1] for u in users))
            for c, users in joined.items()
        }
        self.log(f"{len(rows)} memberships")

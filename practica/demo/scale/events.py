"""Events and their registrations."""

import uuid
from datetime import timedelta

from practica.events.models import Event, Registration, RegistrationStatus

from .base import Seeding
from .bulk import insert
from .words import ZONES


class Events(Seeding):
    def events(self) -> None:
        rng = self.rng
        n = max(self.size.posts // 50, self.size.communities)
        community_ids = list(range(1, self.size.communities + 1))
        kinds = ["webinar", "webinar", "workshop", "meeting", "conference"]
        events = []
        registrations = []
        for i in range(n):
            community = rng.choices(community_ids, weights=self.community_weight)[0]
            starts = self._ago(730 * rng.random() - 120).replace(hour=rng.choice([13, 15, 17]))
            body, html = rng.choice(self.words.posts)
            capacity = rng.choice([None, 30, 100])
            events.append(
                Event(
                    id=i + 1,
                    community_id=community,
                    uid=uuid.UUID(int=rng.getrandbits(128), version=4),
                    title=self.words.title(),
                    kind=rng.choice(kinds),
                    description=body,
                    description_html=html,
                    starts_at=starts,
                    ends_at=starts + timedelta(minutes=rng.choice([60, 90, 120])),
                    time_zone=rng.choice(ZONES),
                    meeting_url="https://meet.example.org/" + uuid.UUID(int=i).hex[:12],
                    audience=rng.choice(["public", "public", "members"]),
                    capacity=capacity,
                    created_by_id=self.members_of[community][0],
                )
            )
            people = self.members_of[community]
            chosen = rng.sample(people, min(len(people), rng.randint(0, 40)))
            for position, user in enumerate(chosen):
                full = capacity is not None and position >= capacity
                registrations.append(
                    Registration(
                        event_id=i + 1,
                        user_id=user,
                        status=RegistrationStatus.WAITLISTED
                        if full
                        else RegistrationStatus.CONFIRMED,
                        created_at=starts - timedelta(days=rng.randint(1, 30)),
                        attended=starts < self.now and rng.random() < 0.7,
                    )
                )
        insert(Event, events)
        insert(Registration, registrations)
        self.log(f"{n} events, {len(registrations)} registrations")

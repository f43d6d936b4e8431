"""The seeder: every stage in order, each in its own transaction."""

from allauth.account.models import EmailAddress
from django.core.management.color import no_style
from django.db import connection, transaction

from practica.accounts.models import User
from practica.communities.models import Community, Membership
from practica.directory.models import Expertise
from practica.discussions.models import Comment, Post, Tag
from practica.events.models import Event
from practica.library.models import Resource

from .comments import Comments
from .directory import Directory
from .events import Events
from .library import Library
from .people import People
from .posts import Posts


class ScaleSeeder(People, Posts, Comments, Events, Library, Directory):
    def run(self) -> None:
        with transaction.atomic():
            self.people()
            self.communities()
            self.memberships()
            self.expertise()
        with transaction.atomic():
            self.posts()
        with transaction.atomic():
            self.comments()
        with transaction.atomic():
            self.events()
            self.resources()
        self.reset_sequences()
        # The reports read daily rollups, which the activity record keeps; seeded rows
        # record no activity, so they are counted once here.
        from practica.reports.rollups import rollups_rebuild

        rollups_rebuild()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def reset_sequences(self) -> None:
        """Ids were chosen here; PostgreSQL's sequences must continue after them."""
        seeded = [
            User, EmailAddress, Community, Membership, Tag, Post, Comment, Event, Resource,
            Expertise,
        ]  # fmt: skip
        statements = connection.ops.sequence_reset_sql(no_style(), seeded)
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
            # Fresh statistics, as after a day of autovacuum or `PRAGMA optimize`.
            cursor.execute("ANALYZE")

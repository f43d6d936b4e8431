"""A large, realistic site for the benchmark: `manage.py seed_scale --size small|medium|large`.

Everything is drawn from one seeded random generator and anchored at midnight UTC of the day
it runs, so the same size gives the same site. Rows are written with bulk inserts and ids
chosen here (the database starts empty), which is what makes a million comments quick.

Shapes follow real communities: a few communities and members do most of the talking
(heavy-tailed weights), threads range from silent to hundreds of comments, featured posts are
open or closed, questions are answered or not, and events and resources come in proportion.

sizes.py holds the sizes and the benchmark's accounts, words.py the made-up text, bulk.py
the weights and bulk inserts; seeder.py runs the stages in order: people.py (members,
communities, memberships), posts.py, comments.py (with reads.py, the read marks), events.py
and library.py. census.py says whether the site is seeded and what it holds.
"""

from .census import already_seeded, describe
from .seeder import ScaleSeeder
from .sizes import BENCH_EMAIL_DOMAIN, BENCH_PASSWORD, BENCH_USERS, SIZES, Size, bench_email

__all__ = [
    "BENCH_EMAIL_DOMAIN",
    "BENCH_PASSWORD",
    "BENCH_USERS",
    "SIZES",
    "ScaleSeeder",
    "Size",
    "already_seeded",
    "bench_email",
    "describe",
]

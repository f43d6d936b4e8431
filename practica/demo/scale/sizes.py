"""The sizes of the benchmark's site, and the accounts it signs in as."""

from dataclasses import dataclass

BENCH_PASSWORD = "practica-bench-2026"  # noqa: S105 - benchmark accounts on a throwaway database
BENCH_EMAIL_DOMAIN = "scale.example"
SEED = 20261121
BATCH = 2000


@dataclass(frozen=True)
class Size:
    members: int
    communities: int
    posts: int
    comments: int


SIZES = {
    "small": Size(members=500, communities=20, posts=2_000, comments=20_000),
    "medium": Size(members=2_000, communities=50, posts=20_000, comments=200_000),
    "large": Size(members=100_000, communities=500, posts=200_000, comments=1_000_000),
}

# The benchmark signs in as the first few members: active people in several communities.
BENCH_USERS = 8


def bench_email(index: int) -> str:
    return f"member{index}@{BENCH_EMAIL_DOMAIN}"

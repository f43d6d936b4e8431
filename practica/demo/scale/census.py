"""Whether the site is seeded, and what it holds."""

from practica.accounts.models import User
from practica.communities.models import Community
from practica.discussions.models import Comment, Post
from practica.events.models import Event
from practica.library.models import Resource

from .sizes import bench_email


def already_seeded() -> bool:
    return User.objects.filter(email=bench_email(0)).exists()


def describe() -> str:
    counts = {
        "members": User.objects.count(),
        "communities": Community.objects.count(),
        "posts": Post.objects.count(),
        "comments": Comment.objects.count(),
        "events": Event.objects.count(),
        "resources": Resource.objects.count(),
    }
    return ", ".join(f"{value:,} {name}" for name, value in counts.items())

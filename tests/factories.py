from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from practica.accounts.models import Occupation, User
from practica.communities.models import Community, JoinRequest, Membership

PASSWORD = "correct horse battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    handle = factory.Sequence(lambda n: f"person-{n}")
    affiliation = "Example Court"
    occupation = Occupation.LAWYER
    accepted_conduct_version = 1
    # Established accounts by default; tests of the new-account limits set it to now.
    date_joined = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Community

    name = factory.Sequence(lambda n: f"Community {n}")
    slug = factory.Sequence(lambda n: f"community-{n}")
    summary = "People who do this work, learning together."
    domain = "What the community is about."
    visibility = "public"
    join_policy = "open"


def make_member(community: Community, role: str = "member", **user_fields) -> User:
    user = UserFactory(**user_fields)
    Membership.objects.create(user=user, community=community, role=role)
    return user


def make_request(community: Community, user: User | None = None) -> JoinRequest:
    """A pending join request, as the join form would have made it."""
    return JoinRequest.objects.create(
        user=user or UserFactory(),
        community=community,
        occupation="lawyer",
        affiliation="Example Court",
        interest="diversion",
        statement="I would like to learn from peers.",
    )

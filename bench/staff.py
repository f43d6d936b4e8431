"""The benchmark's staff member, who reads the reports (added once, like the watchers)."""

STAFF_EMAIL = "bench-staff@example.org"


def bench_staff():  # type: ignore[no-untyped-def]
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    from practica.accounts.models import User
    from practica.demo import scale

    user, created = User.objects.get_or_create(
        email=STAFF_EMAIL,
        defaults={
            "display_name": "Bench Staff",
            "affiliation": "Practica host team",
            "is_staff": True,
            "accepted_conduct_version": 1,
            "password": make_password(scale.BENCH_PASSWORD),
        },
    )
    if created:
        EmailAddress.objects.create(user=user, email=STAFF_EMAIL, verified=True, primary=True)
    return user

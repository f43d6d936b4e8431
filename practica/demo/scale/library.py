"""Resources of the library."""

from practica.library.models import Resource, ResourceStatus

from .base import Seeding
from .bulk import insert


class Library(Seeding):
    def resources(self) -> None:
        rng = self.rng
        n = max(self.size.posts // 20, self.size.communities)
        community_ids = list(range(1, self.size.communities + 1))
        kinds = ["document", "template", "guide", "case_study", "toolkit", "link", "recording"]
        licences = ["cc_by", "cc_by", "cc_by_sa", "all_rights_reserved", "public_domain"]
        rows = []
        for i in range(n):
            community = rng.choices(community_ids, weights=self.community_weight)[0]
            created = self._ago(1000 * rng.random())
            rows.append(
                Resource(
                    id=i + 1,
                    community_id=community,
                    title=self.words.title(),
                    kind=rng.choice(kinds),
                    summary=rng.choice(self.words.comments)[0][:3000],
                    link_url=f"https://library.example.org/items/{i + 1}",
                    language=rng.choice(["English", "English", "French", "Spanish"]),
                    licence=rng.choice(licences),
                    current_as_of=created.date(),
                    review_months=rng.choice([6, 12, 24]),
                    status=ResourceStatus.PUBLISHED,
                    download_count=int(rng.paretovariate(1.2) * 3),
                    created_by_id=self._author(community),
                    created_at=created,
                )
            )
        insert(Resource, rows)
        self.log(f"{n} resources")

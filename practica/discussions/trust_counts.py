"""What discussions tell the trust levels (`practica.communities.trust`): posts read, and
posts and comments written that still stand."""

from datetime import datetime

from practica.communities.trust import CONTRIBUTIONS, READS, trust_counter

from .models import Comment, Post, PostRead, PostStatus


@trust_counter(READS)
def posts_read(user_id: int, since: datetime | None) -> int:
    reads = PostRead.objects.filter(user_id=user_id)
    if since is not None:
        reads = reads.filter(read_at__gte=since)
    return reads.count()


@trust_counter(CONTRIBUTIONS)
def posts_and_comments(user_id: int, since: datetime | None) -> int:
    posts = Post.objects.filter(
        author_id=user_id, status=PostStatus.PUBLISHED, deleted_at__isnull=True
    )
    comments = Comment.objects.filter(author_id=user_id, deleted_at__isnull=True)
    if since is not None:
        posts = posts.filter(created_at__gte=since)
        comments = comments.filter(created_at__gte=since)
    return posts.count() + comments.count()

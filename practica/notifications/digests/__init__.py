"""Daily and weekly digests: each member's pending notifications of the categories they
send to a digest, and what the domain apps contribute (registry.digest_section), at the
member's chosen hour in their time zone, at most once a period.

schedule: when a digest is due; send: one chunk of members; compose: what each says;
tasks: the scheduler's planner and the chunk tasks; models: the claims.
"""

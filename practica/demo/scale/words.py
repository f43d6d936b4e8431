"""The made-up words of the site: names, places, topics, and Markdown bodies rendered once."""

import random

from practica.core.markdown import render_markdown

FIRST = ["Ada", "Amara", "Bilal", "Carmen", "Chen", "Dara", "Elif", "Emeka", "Fatima", "Gustavo",
         "Hana", "Ines", "Ivan", "Jamal", "Kofi", "Leila", "Lucía", "Malik", "Mei", "Nadia",
         "Noah", "Olga", "Priya", "Rafael", "Rosa", "Samir", "Sofia", "Tariq", "Uma", "Wen",
         "Yusuf", "Zainab", "Aroha", "Björn", "Chiara", "Dmitri", "Esi", "Farid", "Greta",
         "Hugo"]  # fmt: skip
LAST = ["Abara", "Bianchi", "Castillo", "Dubois", "Eze", "Fischer", "García", "Haddad", "Ibrahim",
        "Jensen", "Kaur", "Lindqvist", "Mensah", "Nakamura", "Okafor", "Petrov", "Quispe",
        "Rahman", "Silva", "Tanaka", "Urquhart", "Varga", "Walker", "Xu", "Yilmaz", "Zulu",
        "Moreau", "Novak", "Ortiz", "Park"]  # fmt: skip
PLACES = ["Accra", "Auckland", "Bogotá", "Cape Town", "Chicago", "Dublin", "Glasgow", "Lagos",
          "Lima", "Lyon", "Manila", "Melbourne", "Montréal", "Nairobi", "Ottawa", "Phoenix",
          "Quito", "Toronto", "Vancouver", "Winnipeg"]  # fmt: skip
BODIES = ["District Court", "Legal Aid Office", "Public Defender", "Treatment Centre",
          "Law School", "Family Court", "Community Legal Clinic", "Probation Service",
          "Bar Association", "Recovery Network"]  # fmt: skip
TOPICS = ["Drug Treatment", "Domestic Violence", "Youth Justice", "Mental Health", "Veterans",
          "Eviction Defence", "Immigration", "Wellness", "Re-entry", "Restorative Justice",
          "Family Treatment", "Community Courts", "Legal Aid", "Racial Justice Litigation",
          "Court Interpreting", "Self-Represented Litigants", "Bail Reform", "Victim Services",
          "Juvenile Diversion", "Elder Justice", "Disability Rights", "Housing Courts",
          "Human Trafficking", "Gun Violence", "DUI Courts", "Peacemaking", "Probation",
          "Sentencing", "Jury Management", "Court Technology", "Access to Justice",
          "Civil Legal Aid", "Prison Education", "Child Protection", "Indigenous Justice",
          "Tenant Organising", "Public Interest Litigation", "Evidence-Based Practice",
          "Trauma-Informed Courts", "Judicial Education"]  # fmt: skip
KINDS_OF_GROUP = ["Courts", "Practitioners", "Network", "Forum", "Circle"]
SUBJECTS = ["the phase system", "peer mentors", "sanctions", "incentives", "screening",
            "family engagement", "data sharing", "remote hearings", "case management",
            "housing referrals", "interpreters", "bail conditions", "risk assessment",
            "graduation", "aftercare", "court fines", "drug testing", "trauma screening",
            "victim safety plans", "plain-language forms", "intake interviews", "caseloads",
            "programme evaluation", "staff training", "community partners"]  # fmt: skip
OPENERS = ["How do you handle", "What works for", "Rethinking", "Lessons from a year of",
           "Questions about", "A practical guide to", "Evidence on", "Who decides on",
           "Funding for", "Measuring"]  # fmt: skip
SENTENCES = [
    "In our court the team meets every Tuesday before the docket to go through {s}.",
    "We changed how we approach {s} last spring, and attendance went up within weeks.",
    "The research is mixed, but most programmes report better retention when {s} is "
    "explained on the first day.",
    "Our coordinator keeps a short checklist for {s}; I can share it if it helps.",
    "Participants told us that {s} felt arbitrary until we wrote the rules down.",
    "The defence bar was sceptical at first, mostly about {s}, and we had to earn their trust.",
    "Funding rules shaped {s} more than we would like to admit.",
    "We learned the hard way that {s} needs a named person responsible for it.",
    "A peer specialist on the team made the biggest difference to {s}.",
    "Has anyone evaluated {s} with a comparison group rather than before and after?",
    "I would be careful with {s} where caseloads are above forty per coordinator.",
    "The state guidelines say little about {s}, so each court has found its own way.",
    "Our treatment partners asked for weekly reports on {s}, which took time to set up.",
    "For people without stable housing, {s} has to be flexible or it simply fails.",
    "When we review {s} we always include someone with lived experience in the room.",
]  # fmt: skip
REPLIES = [
    "Thank you, this is very useful.",
    "We saw the same thing in our programme.",
    "Could you say more about how long that took?",
    "Agreed, and the training matters as much as the policy.",
    "We tried this and went back; happy to explain why.",
]
LINKS = [
    "https://www.example.org/guides/practice-note",
    "https://www.example.org/research/evaluation-2025",
    "https://www.example.org/toolkits/intake",
]
TAG_WORDS = ["sanctions", "incentives", "peer support", "data", "evaluation", "housing",
             "screening", "training", "funding", "remote hearings", "family", "youth",
             "language access", "trauma", "research", "forms", "policy", "partnerships",
             "case law", "ethics", "technology", "outcomes", "aftercare", "victims", "bail",
             "interpreters", "evidence", "mental health", "recovery", "diversion"]  # fmt: skip
ZONES = ["UTC", "Europe/London", "America/Toronto", "America/Chicago", "Africa/Lagos",
         "Australia/Melbourne", "America/Lima"]  # fmt: skip


class Words:
    """Markdown bodies of realistic length, written once and rendered once, then reused."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.posts = [self._body(rng.randint(3, 7), rich=True) for _ in range(120)]
        self.comments = [self._body(rng.randint(1, 3), rich=rng.random() < 0.3) for _ in range(400)]
        self.comments += [(text, render_markdown(text)) for text in REPLIES]

    def _paragraph(self) -> str:
        rng = self.rng
        count = rng.randint(2, 5)
        return " ".join(rng.choice(SENTENCES).format(s=rng.choice(SUBJECTS)) for _ in range(count))

    def _body(self, paragraphs: int, *, rich: bool) -> tuple[str, str]:
        rng = self.rng
        parts = [self._paragraph() for _ in range(paragraphs)]
        if rich:
            items = rng.sample(SUBJECTS, 3)
            parts.insert(1, "\n".join(f"- **{item.capitalize()}**: see below" for item in items))
            parts.append(f"More in [this practice note]({rng.choice(LINKS)}).")
            if rng.random() < 0.3:
                parts.insert(0, "> " + rng.choice(SENTENCES).format(s=rng.choice(SUBJECTS)))
        text = "\n\n".join(parts)
        return text, render_markdown(text)

    def title(self) -> str:
        rng = self.rng
        return f"{rng.choice(OPENERS)} {rng.choice(SUBJECTS)} in {rng.choice(PLACES)}"[:200]

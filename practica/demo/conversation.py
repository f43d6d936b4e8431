"""Comments that read like a conversation: composed from a community's own points and
questions, with openings that fit the speaker, replies that name whom they answer, and
quotes. Written for Practica; nothing here is taken from elsewhere.

`Conversation.comment()` never returns the same text twice in one thread.
"""

import random
from dataclasses import dataclass, field

from .topics import Topic

OPENINGS = [
    "Thanks for starting this.", "A short note from our side.", "This is timely for us.",
    "We went through exactly this last year.", "Late to the thread, but here goes.",
    "Adding our experience, for what it is worth.", "Reading along with interest.",
    "I have been thinking about this since the last meeting.", "Our team discussed this "
    "on Tuesday.", "Some context from a smaller programme.", "From a rural court:",
    "Picking up on the earlier comments.", "One more data point.", "Briefly:",
    "I was sceptical at first, I admit.", "Coming back to this after a few weeks.",
]  # fmt: skip
BY_OCCUPATION = {
    "judge": ["From the bench:", "Speaking as a trial judge:", "In my courtroom, for what "
              "it is worth:"],
    "court_staff": ["From the registry side:", "As the coordinator who does the paperwork:"],
    "treatment": ["As a clinician on the team:", "From the treatment side:"],
    "lived_experience": ["Speaking as someone who went through it:", "From the participant's "
                         "chair, years ago:"],
    "lawyer": ["As defence counsel:", "From the duty counsel desk:"],
    "academic": ["From the research side:", "Our evaluation may help here."],
    "paralegal": ["From the field:", "What we see in the community:"],
    "advocate": ["Speaking for the families we work with:"],
    "litigator": ["From the litigation side:"],
    "consultant": ["Having seen this in several countries:"],
}  # fmt: skip
DETAILS = [
    "It took us about six months to settle.", "Our team is small, so anything that adds "
    "paperwork dies quickly.", "I can share the one-page version if anyone wants it.",
    "We review it every spring.", "Our funder asked for exactly this last year.",
    "The first month was rough; it settled after that.", "It cost almost nothing.",
    "Not everyone on the team agreed, and that was healthy.", "We are still adjusting it.",
    "The numbers are small, so take them with care.", "It is written into our policy "
    "manual now.", "Happy to talk it through on a call.", "Two neighbouring courts copied "
    "it since.", "We would not go back.", "I would do it sooner if we started again.",
    "That was not obvious to us at the start.", "Our local bar association helped.",
]  # fmt: skip
CLOSINGS = [
    "Curious whether this holds elsewhere.", "Has anyone tried the opposite?",
    "Would welcome other views.", "Happy to be corrected.", "Does that match your "
    "experience?", "I would love to compare notes.",
]  # fmt: skip
REPLY_OPENINGS = [
    "@{h} that matches what we see.", "@{h} I would push back a little here.",
    "Good point, @{h}.", "Thanks @{h}, that is useful.", "@{h} we tried that and it went "
    "the other way for us.", "Agree with @{h}.", "@{h} interesting. In our court it is "
    "different.", "Building on what @{h} said:", "@{h} yes, and one more thing:",
    "@{h} I hear you, though our experience differs.", "Exactly this, @{h}.",
    "@{h} same here, mostly.",
]  # fmt: skip
FOLLOW_UPS = [
    "@{h} can you say more about how you handled the first month?",
    "@{h} would you be willing to share the document?",
    "@{h} how did the rest of the team react?",
    "@{h} did the numbers hold up in the second year?",
    "@{h} that is helpful, thank you. Sending you a message.",
    "@{h} who paid for it?",
    "@{h} we should talk. Our situation is almost the same.",
]
HOST_NOTES = [
    "Thank you all for a generous thread. A question for those who have not spoken yet: {ask}",
    "A quick round-up so far: {point} Several of you said something similar. {ask}",
    "Thank you. I will gather the documents people offered into the library. Meanwhile: {ask}",
    "We are past the halfway mark of this discussion. What stood out for me: {point} Keep "
    "the examples coming.",
    "A reminder to keep participants anonymous in examples. And one question back: {ask}",
]
ANSWERS = [
    "Yes, happy to. I will put it in the library this week.",
    "Mostly through the coordinator's budget, to be honest.",
    "Slowly. The judge's support was what made the difference.",
    "They did, roughly. The second year was a little better.",
    "By trial and error. I can describe the mistakes in a call.",
    "Good question. I do not know yet; we will look at it in the spring.",
]


@dataclass
class Conversation:
    """Comment text for one thread of one community."""

    topic: Topic
    rng: random.Random
    used: set[str] = field(default_factory=set)
    point_of: dict[str, str] = field(default_factory=dict)  # text -> the point it makes

    def comment(self, occupation: str, *, reply_to: str = "", parent_text: str = "") -> str:
        for _ in range(30):
            point = self.rng.choice(self.topic.points)
            text = self._compose(occupation, point, reply_to, parent_text)
            if text not in self.used:
                break
        self.used.add(text)
        if point in text:
            self.point_of[text] = point
        return text

    def host_note(self) -> str:
        """What the person who opened the thread writes to keep it moving."""
        for _ in range(10):
            note = self.rng.choice(HOST_NOTES).format(
                ask=self.rng.choice(self.topic.asks),
                point=_after_colon(self.rng.choice(self.topic.points)),
            )
            if note not in self.used:
                break
        self.used.add(note)
        return note

    def _compose(self, occupation: str, point: str, handle: str, parent_text: str) -> str:
        rng = self.rng
        if handle:
            roll = rng.random()
            if parent_text.rstrip().endswith("?") and roll < 0.85:
                return f"@{handle} {rng.choice(ANSWERS)}"
            if roll < 0.25:
                return rng.choice(FOLLOW_UPS).format(h=handle)
            if roll < 0.4 and parent_text:
                quoted = self.point_of.get(parent_text) or _first_sentence(parent_text)
                opening = rng.choice(REPLY_OPENINGS).format(h=handle)
                said = _after_colon(point) if opening.endswith(":") else point
                return f"> {quoted}\n\n{opening} {said}"
            opening = rng.choice(REPLY_OPENINGS).format(h=handle)
            parts = [opening, _after_colon(point) if opening.endswith(":") else point]
            if rng.random() < 0.4:
                parts.append(rng.choice(DETAILS))
            return " ".join(parts)
        openings = OPENINGS + BY_OCCUPATION.get(occupation, []) * 3
        opening = rng.choice(openings)
        parts = [opening, _after_colon(point) if opening.endswith(":") else point]
        roll = rng.random()
        if roll < 0.35:
            parts.append(rng.choice(DETAILS))
        if rng.random() < 0.35:
            parts.append(rng.choice(self.topic.asks + tuple(CLOSINGS)))
        if roll > 0.92:  # now and then a longer comment, with a short list
            extra = [p for p in self.topic.points if p != point]
            picked = rng.sample(extra, min(2, len(extra)))
            return (
                " ".join(parts)
                + "\n\nTwo more things we learned:\n\n"
                + "\n".join(f"- {p}" for p in picked)
            )
        return " ".join(parts)


def _first_sentence(text: str) -> str:
    """The first sentence of a comment's own words (not its quote or its @mention)."""
    body = text.split("\n\n")[-1] if text.startswith(">") else text.split("\n\n")[0]
    words = [w for w in body.split() if not w.startswith("@")]
    sentence = " ".join(words)
    for stop in (". ", "? ", ": "):
        if stop in sentence:
            sentence = sentence.split(stop)[0] + stop.strip()
            break
    return sentence[:160]


def _after_colon(sentence: str) -> str:
    """A sentence continuing after a colon starts in lower case ("I" stays as it is)."""
    first = sentence.split(" ", 1)[0]
    if first == "I" or first.isupper() or not first[1:].islower():
        return sentence
    return sentence[0].lower() + sentence[1:]

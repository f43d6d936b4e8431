"""Mental health courts, and indigenous and wellness courts."""

from . import Topic

MENTAL_HEALTH_COURTS = Topic(
    tags=(
        "crisis diversion",
        "competency",
        "person-first language",
        "peer specialists",
        "concurrent disorders",
    ),
    featured=(
        (
            "Crisis diversion before charges are laid",
            "Several cities now send clinicians with police, or instead of police, to mental "
            "health calls. For those of you at the court end: has it changed who reaches your "
            "docket, and what still falls through?",
            "",
        ),
        (
            "Competency restoration waiting lists",
            "People found unfit to stand trial wait weeks in custody for a hospital bed. What "
            "has shortened the wait where you work?",
            "Members described three approaches that worked:\n\n1. Outpatient restoration for "
            "people who are stable enough.\n2. A weekly list of everyone waiting, reviewed by "
            "a judge.\n3. Dismissing minor charges once the wait exceeds the likely sentence.",
        ),
    ),
    discussions=(
        (
            "Person-first language in orders and reports",
            "Our court adopted a short style note for judgments and clinical reports. Has "
            "anyone else done this, and did it change anything beyond the words?",
        ),
        (
            "Concurrent disorders: one plan or two?",
            "Participants with both a mental illness and a substance use disorder often have "
            "two treatment plans. How do you bring them together?",
        ),
        (
            "Peer specialists and confidentiality",
            "What may a peer specialist share with the team, and what stays with them?",
        ),
    ),
    questions=(
        (
            "Has anyone written eligibility criteria that do not exclude violent charges?",
            "Our court excludes any violent charge. That seems to rule out many people we could "
            "help. Does anyone have criteria that assess case by case?",
            "We replaced the blanket exclusion with a review by the team and the victim's view "
            "where there is one. About one in five admissions now have a violent charge, mostly "
            "minor assaults during a crisis, and outcomes are no worse. Happy to share the "
            "criteria.",
        ),
        (
            "Where can I find an example of a consent form for sharing health information?",
            "We need consent that is specific, revocable and understandable to someone in crisis.",
            "",
        ),
    ),
    proposals=(
        (
            "Proposed: what we learned from a year of co-response teams",
            "Our city's co-response team published its first year of data. I would like to walk "
            "through it and hear from other courts.",
        ),
        (
            "Proposed: a glossary for lawyers new to mental health court",
            "Clinical terms explained for duty counsel.",
        ),
    ),
    points=(
        "Our co-response team diverted about a third of mental health calls away from "
        "charges altogether.",
        "The wait for a forensic bed here averages five weeks, all of it in custody.",
        "We started outpatient restoration last year; most people completed it without "
        "going back to custody.",
        "Our style note asks for 'a person living with schizophrenia', never 'a schizophrenic'.",
        "Peer specialists on our team share only what the participant agrees to share.",
        "We hold one combined case conference for people with concurrent disorders.",
        "Duty counsel told us they needed fifteen minutes with the clinician before each list.",
        "Housing first made more difference to our outcomes than any court condition.",
        "Our judge asks every participant how they are sleeping. It opens the conversation.",
        "We no longer require abstinence from cannabis unless the clinician recommends it.",
    ),
    asks=(
        "How long is your average wait for a competency assessment?",
        "Who pays for the peer specialist role in your court?",
        "Do you allow participants to choose their own treatment provider?",
        "How do you measure success when charges are withdrawn early?",
    ),
)


INDIGENOUS_WELLNESS_COURTS = Topic(
    tags=(
        "healing plans",
        "elders",
        "Gladue reports",
        "peacemaking",
        "culturally grounded justice",
    ),
    featured=(
        (
            "Elders in the circle: roles, respect and payment",
            "Elders give their time and knowledge to wellness courts and sentencing circles. "
            "How does your court invite them, recognise their role, and pay them fairly without "
            "turning them into staff?",
            "",
        ),
        (
            "Healing plans that families help write",
            "When the family and community help write the healing plan, people tell us they "
            "keep to it. How do you bring them in, and who has the final word?",
            "What members shared:\n\n1. Start with the person's own goals, in their language.\n"
            "2. Give families a role that is not supervision.\n3. Review the plan in the "
            "community, not only in the courthouse.",
        ),
    ),
    discussions=(
        (
            "Gladue reports: waiting times and quality",
            "Reports take eight weeks to arrive in our region. How have other courts shortened "
            "the wait without thinning the report?",
        ),
        (
            "Holding court in the community",
            "Our court sits in the community hall once a month. What did you need to arrange "
            "with the registry and security?",
        ),
        (
            "Language in the courtroom",
            "Who interprets when a participant prefers to speak their own language, and how "
            "are interpreters trained?",
        ),
    ),
    questions=(
        (
            "Has anyone combined a wellness court with a tribal peacemaking process?",
            "We are asked to work with a peacemaking programme and wonder how referrals and "
            "reporting have worked elsewhere.",
            "In our nation the peacemakers decide whether a matter suits peacemaking; the court "
            "only receives a short outcome note, never what was said in the circle. That "
            "boundary is what made the elders willing to take referrals.",
        ),
        (
            "Template for an honorarium policy for elders?",
            "Looking for an example that covers travel, preparation time and cultural protocols.",
            "",
        ),
    ),
    proposals=(
        (
            "Proposed: land-based healing programmes as conditions",
            "Some courts now accept time on the land as part of a healing plan. I can describe "
            "ours.",
        ),
        (
            "Proposed: a map of wellness courts in Canada",
            "A simple list of where wellness courts sit and whom to contact.",
        ),
    ),
    points=(
        "Our elders asked that the court never call them 'volunteers'.",
        "We pay elders the same daily rate as expert witnesses.",
        "Gladue report writers in our region carry forty files each; that is the real "
        "reason for the wait.",
        "The community hall hearings are the best attended we have.",
        "We open each sitting with a smudge for those who wish to take part.",
        "Families sign the healing plan alongside the participant and the judge.",
        "Our interpreters are trained with the court's glossary, built with elders.",
        "Time on the land counts toward the plan when a knowledge keeper confirms it.",
        "The judge steps down from the bench and sits in the circle with everyone else.",
        "Our court keeps no record of what is said in circle, only the agreed plan.",
    ),
    asks=(
        "How do you recognise an elder's preparation time?",
        "Who writes Gladue reports where you are, and how are they funded?",
        "Do your hearings in the community follow the same security rules?",
        "How do you handle a plan when the family itself is part of the harm?",
    ),
)


TOPICS = {
    "mental-health-courts": MENTAL_HEALTH_COURTS,
    "indigenous-wellness-courts": INDIGENOUS_WELLNESS_COURTS,
}

"""Strategic litigation with communities, and plain language in the law."""

from . import Topic

RACIAL_JUSTICE_LITIGATION = Topic(
    tags=(
        "community-led litigation",
        "power and representation",
        "campaign strategy",
        "police stops",
        "discrimination data",
    ),
    featured=(
        (
            "Who decides when to settle?",
            "In cases brought with affected communities, the named claimants, the wider "
            "community and the lawyers may want different things when a settlement is "
            "offered. How do you agree in advance who decides, and how?",
            "",
        ),
        (
            "What counts as winning a litigation campaign",
            "A judgment can be won and change nothing; a case can be lost and shift policy. "
            "How do you define success with the communities you work with?",
            "Members' answers, summarised:\n\n1. Agree the campaign's goals with the "
            "community before filing, and write them down.\n2. Count changes in practice, not "
            "only judgments.\n3. Report back to the community after every stage, win or lose.",
        ),
    ),
    discussions=(
        (
            "Paying community advisers on a case",
            "Community members give time and expertise to our cases. How do you pay them "
            "without creating problems for the litigation?",
        ),
        (
            "Data on police stops as evidence",
            "Which sources of stop data have courts accepted, and how did you obtain them?",
        ),
        (
            "Looking after claimants through a long case",
            "Cases last years. How do you support claimants through publicity and delay?",
        ),
    ),
    questions=(
        (
            "Has anyone used a community advisory board on a strategic case?",
            "We would like to know how it was set up and how conflicts were handled.",
            "We set one up with seven members chosen by the community organisations, with a "
            "written agreement on what they decide and what the lawyers decide. When the "
            "board and the claimant disagreed on settlement, the agreement said the claimant "
            "decides, and everyone accepted it because it was written before.",
        ),
        (
            "Where can I find examples of community impact statements filed in court?",
            "We are preparing one for an equality case.",
            "",
        ),
    ),
    proposals=(
        (
            "Proposed: a shared retainer clause on community decision-making",
            "I would like to draft, together, a clause that sets out who decides what.",
        ),
        (
            "Proposed: a case study of a campaign we lost",
            "What a lost case taught us about working with the community.",
        ),
    ),
    points=(
        "We write down, before filing, who decides on settlement. It saved one of our cases.",
        "Community advisers on our cases are paid a fixed daily rate, agreed with the bar "
        "regulator.",
        "Stop data obtained through freedom-of-information requests was accepted in our last case.",
        "Our claimants have a support worker who is not one of the lawyers.",
        "We report back to the community in person after every hearing.",
        "Losing the case still changed the police guidance within a year.",
        "The community chose the claimant, not the lawyers. That changed everything.",
        "Media attention hurt one of our claimants badly; we now prepare people for it.",
        "Our retainer has a clause on withdrawing from the case if goals diverge.",
        "We share drafts with the advisory board before filing, under privilege.",
    ),
    asks=(
        "How do you protect privilege when the community sees drafts?",
        "Who chooses the claimants in your cases?",
        "How do you measure a change in practice after a judgment?",
        "Do you pay community advisers, and how?",
    ),
)


PLAIN_LANGUAGE = Topic(
    tags=("court forms", "plain language", "user testing", "notices"),
    featured=(
        (
            "Testing court forms with the people who use them",
            "We tested our summons with twelve people in the courthouse lobby. What did your "
            "testing show that drafting alone would not?",
            "",
        ),
        (
            "Rewriting the notice of hearing",
            "Our notice of hearing is the most misunderstood document the court sends. Which "
            "changes made the biggest difference?",
            "What the group settled on:\n\n1. Put the date, time and place first, in large "
            "type.\n2. Say what happens if the person does not come.\n3. Give one phone "
            "number, staffed by someone who can answer.",
        ),
    ),
    discussions=(
        (
            "Legal terms that cannot be replaced",
            "Some terms must stay. How do you explain them without a glossary nobody reads?",
        ),
        (
            "Translating plain-language forms",
            "Does plain English translate better, or do translators need their own brief?",
        ),
        (
            "Judges writing in plain language",
            "Has anyone run training on plain reasons for judges?",
        ),
    ),
    questions=(
        (
            "Which readability score do courts use, if any?",
            "Our committee is asked for a target score.",
            "We stopped using scores as targets. They measure sentence length, not meaning; a "
            "short test with five readers tells you far more. We still report a score because "
            "the committee likes it, but only as a warning light.",
        ),
        (
            "Has anyone redesigned a bail information sheet?",
            "Ours is four pages of dense text.",
            "",
        ),
    ),
    proposals=(
        (
            "Proposed: a bank of tested sentences for court forms",
            "Sentences that passed user testing, free to reuse.",
        ),
        ("Proposed: plain-language guidance for judgments", "A short guide drafted with judges."),
    ),
    points=(
        "Twelve readers in the lobby found problems our committee had missed for years.",
        "Putting the date first cut calls to the registry by a third.",
        "Translators asked for the plain English version and a note on intent.",
        "We kept 'affidavit' but explained it in the sentence where it first appears.",
        "Readers skipped every box labelled 'for office use'.",
        "The phone number on the notice now goes to a person, not a menu.",
    ),
    asks=(
        "How many readers do you test with?",
        "Who signs off a rewritten form in your court?",
        "Did the rules committee accept your changes?",
    ),
)


TOPICS = {
    "racial-justice-litigation": RACIAL_JUSTICE_LITIGATION,
    "plain-language": PLAIN_LANGUAGE,
}

"""Drug treatment courts and domestic violence courts."""

from . import Topic

DRUG_TREATMENT_COURTS = Topic(
    tags=(
        "incentives and sanctions",
        "phase structure",
        "peer support",
        "drug testing",
        "treatment courts",
        "graduation",
    ),
    featured=(
        (
            "Sanctions, incentives and the first ninety days",
            "Most of our participants who leave the programme do so in the first three months. "
            "Our team has started to ask whether the way we respond to early setbacks is part "
            "of the problem.\n\nI would like to hear from teams about:\n\n"
            "- the responses you use for a **missed appointment** or a **positive test** in "
            "the first ninety days;\n- how you separate a treatment response from a sanction;\n"
            "- what you changed and what happened to retention afterwards.\n\n"
            "Coordinators, clinicians, defence counsel and former participants: every view "
            "helps. Please keep participants anonymous.",
            "",
        ),
        (
            "Graduation ceremonies that mean something",
            "Graduation is the moment the whole team and the participant's family see what "
            "changed. Some courts hold it in open court, others in a community hall. What does "
            "yours look like, who speaks, and what do graduates tell you mattered?",
            "What we heard over sixty days:\n\n1. Let the graduate speak first, and keep the "
            "judge's remarks short.\n2. Invite the people the graduate chooses, not only "
            "family.\n3. Several courts now invite alumni to present the certificate.\n"
            "4. A follow-up call at thirty days does more than a second ceremony.",
        ),
        (
            "Take-home testing and the trust it needs",
            "Two courts in our region are piloting patches and take-home kits to cut travel "
            "for rural participants. Is anyone else doing this? How do you handle chain of "
            "custody and a contested result?",
            "",
        ),
    ),
    discussions=(
        (
            "Praise from the bench: how much is too much?",
            "Our judge gives applause for every week without a missed session. Some of the team "
            "feel it loses meaning. How do you keep recognition specific and earned?",
        ),
        (
            "Transport to treatment in rural counties",
            "Half our participants live more than forty minutes from the clinic. Bus passes, "
            "volunteer drivers, telehealth: what has kept people attending?",
        ),
        (
            "When the team disagrees in staffing",
            "How do you settle a disagreement between the clinician and the prosecutor before "
            "the hearing, so the participant does not see the team divided?",
        ),
    ),
    questions=(
        (
            "Has anyone faced a challenge to a custody sanction imposed without a hearing?",
            "A participant's counsel argued that a three-day custody sanction ordered at a "
            "status review needed a separate hearing. How did your court resolve this?",
            "Our court had the same challenge in 2023. We now give notice of the alleged "
            "violation in writing and let counsel respond at the same review, on the record. "
            "The appeal court found that enough for short sanctions. I can share the bench "
            "card we wrote afterwards.",
        ),
        (
            "Where can I find a participant handbook written in plain language?",
            "We are rewriting ours and would like to see how other courts explain phases and "
            "testing to someone reading it on their first day.",
            "",
        ),
    ),
    proposals=(
        (
            "Proposed: comparing our intake forms across courts",
            "I would like to open a featured discussion on intake forms. I can start with ours "
            "and a note on the three questions we removed after a year.",
        ),
        (
            "Proposed: a reading list for new coordinators",
            "Ten readings that helped me in my first year as a coordinator.",
        ),
    ),
    points=(
        "We moved the first review to day three instead of day fourteen, and early dropouts "
        "fell by about a third.",
        "A positive test in the first month gets a treatment response from us, not a "
        "sanction. The clinician decides what changes.",
        "Our prosecutor resisted that at first, then saw the retention numbers.",
        "We write every response down in a grid the participant receives on day one. No "
        "surprises at the review.",
        "Short custody sanctions did almost nothing for our early-phase participants; they "
        "mostly lost housing.",
        "The most effective incentive we have is calling people up first and letting them "
        "leave early.",
        "Our peer mentor meets every new participant before their first review. That single "
        "change did more than any revision of the grid.",
        "We stopped treating a missed appointment and a positive test as the same thing.",
        "Travel is our biggest barrier. We pay for bus passes out of the fines fund now.",
        "Two of our judges rotate and the participants notice every difference in tone.",
        "We ask participants at exit interviews what nearly made them leave. It is rarely "
        "what the team expects.",
        "Our clinician sits next to the judge during reviews; the message is that treatment "
        "and the court are one team.",
        "We added a 'stabilisation' phase of thirty days with no sanctions except for new "
        "offences.",
        "Defence counsel on our team now attend staffing, which changed how frank the "
        "discussion is.",
        "Writing essays as a sanction was dropped; it felt like school punishment and people "
        "said so.",
        "We track time from arrest to first treatment session. It was 41 days two years ago "
        "and is 9 now.",
        "Families can attend reviews if the participant agrees. Attendance went up.",
        "Our graduation rate went down slightly after we relaxed early sanctions, but "
        "retention at twelve months went up.",
        "The participant handbook now has a one-page summary of what happens after a "
        "positive test.",
        "We hold reviews later in the day for people who found work.",
        "Jail as a response to relapse in the first phase is something our team no longer "
        "uses at all.",
        "We use small gift cards for grocery stores rather than fast food; participants "
        "asked for that.",
        "Our coordinator calls anyone who misses a session the same afternoon.",
        "The research on proximal and distal goals changed how we wrote our grid.",
        "Our peer specialists were paid through the health authority, not the court. That "
        "mattered for trust.",
        "Women in our programme told us the mixed treatment groups were the reason they "
        "stopped attending.",
        "Take-home testing halved missed tests for our rural participants.",
        "We review the response grid every six months with two alumni at the table.",
        "Our court moved status reviews to a community centre one day a month.",
        "A participant once told me the handshake at the end of the review was the first "
        "time a judge looked at him as a person.",
        "Our team meets for twenty minutes before every review list, never longer.",
        "We let participants choose between two treatment providers; attendance improved.",
        "Medication for opioid use disorder is allowed without conditions in our programme.",
        "Our prosecutor agreed that early phases would never add to the original sentence.",
        "We had to retrain the whole team when we changed the grid; one memo was not enough.",
        "Curfew checks were dropped in phase one. Nobody could show they helped.",
        "A participant advisory group of four alumni now reviews every change we make.",
        "Our judge writes a short personal note to each participant at each phase change.",
        "We stopped requiring employment in phase two for people caring for children.",
        "The biggest drop-off point for us was the move from residential to outpatient care.",
        "Testing on a random schedule matters more than testing often.",
        "We moved the court's start time to ten; morning clinic appointments were clashing.",
        "Our treatment provider shares attendance daily, progress notes only weekly.",
        "A warm hand-off from jail to the clinic on the day of release halved no-shows.",
        "Our data showed that people of colour were sanctioned more often for the same "
        "behaviour. We changed the grid after that.",
    ),
    asks=(
        "How do you explain the difference between a treatment response and a sanction to "
        "the participant?",
        "Has anyone measured retention before and after changing early responses?",
        "Who on your team decides on a response when the judge is away?",
        "Do you give the grid to defence counsel as well?",
        "What do you do when a participant asks to leave in the first month?",
        "How do you pay for incentives without a dedicated budget?",
        "Does anyone use a stabilisation phase, and how long is it?",
        "How do you handle a participant whose treatment provider disagrees with the team?",
    ),
)

DOMESTIC_VIOLENCE_COURTS = Topic(
    tags=(
        "risk assessment",
        "victim safety",
        "protection orders",
        "integrated dockets",
        "intervention programmes",
    ),
    featured=(
        (
            "One family, one judge: what integrated dockets changed",
            "Courts that hear the criminal, family and protection-order matters of one family "
            "together report fewer contradictory orders. Those of you who run such a docket: "
            "what did it take to set up, and what still goes wrong?",
            "",
        ),
        (
            "Risk assessment at the first appearance",
            "Which risk tool do you use at the first appearance, who completes it, and how does "
            "the judge see the result before setting conditions?",
            "Points members agreed on:\n\n1. The tool matters less than who completes it and "
            "when.\n2. Survivors' own view of their risk should be recorded beside the score.\n"
            "3. Bail conditions should say how they protect the survivor, in plain words.",
        ),
    ),
    discussions=(
        (
            "Survivor advocates in the courtroom",
            "Where does the advocate sit, and what may they say? Our court has tried three "
            "arrangements this year.",
        ),
        (
            "Compliance reviews for intervention programmes",
            "How often do you bring respondents back to check attendance in intervention "
            "programmes, and does it change completion?",
        ),
        (
            "Firearm surrender orders: checking they happen",
            "An order to surrender weapons means little if nobody checks. Who verifies it in "
            "your court, and how quickly?",
        ),
    ),
    questions=(
        (
            "How do you keep a survivor's address out of the court file?",
            "Our registry prints addresses on some notices by default. How have other courts "
            "closed that gap?",
            "We moved to a confidential address sheet that only the registry sees, and the "
            "case management system now masks the field on every printout. It took a rule "
            "change, but the registry staff drafted most of it.",
        ),
        (
            "Is there a bench card for interpreters in protection-order hearings?",
            "We keep finding interpreters who know the family. Does anyone have guidance on "
            "checking for conflicts quickly?",
            "",
        ),
    ),
    proposals=(
        (
            "Proposed: a shared list of safety questions for video hearings",
            "Remote hearings raise new safety questions: who else is in the room, and is the "
            "survivor safe to speak? I would like to collect the checks courts use.",
        ),
        (
            "Proposed: intervention programme standards across provinces",
            "A comparison of programme standards in four provinces.",
        ),
    ),
    points=(
        "Our advocates meet the survivor before the first appearance, never in the hallway.",
        "We list protection-order reviews on a separate morning so parties do not meet in the "
        "waiting area.",
        "The risk score alone was never enough for our judges; they wanted the narrative too.",
        "Compliance reviews every four weeks made the biggest difference to programme "
        "completion here.",
        "We found that contradictory family and criminal orders were common before the "
        "integrated docket.",
        "Our court checks firearm surrender within 48 hours through the police liaison.",
        "Interpreters now sign a short conflict declaration before each hearing.",
        "Survivors told us the waiting room was the most frightening part of the day.",
        "We separated the entrances for the two parties; it cost less than expected.",
        "The judge now explains every condition out loud, in plain words, to both parties.",
    ),
    asks=(
        "Who completes the risk tool in your court, police or probation?",
        "How do you handle a survivor who asks for a no-contact order to be lifted?",
        "Do your compliance reviews include the survivor's advocate?",
        "How did you fund the separate waiting area?",
    ),
)

TOPICS = {
    "drug-treatment-courts": DRUG_TREATMENT_COURTS,
    "domestic-violence-courts": DOMESTIC_VIOLENCE_COURTS,
}

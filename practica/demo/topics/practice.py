"""Youth justice, restorative practice, community paralegals and legal aid."""

from . import Topic

YOUTH_JUSTICE = Topic(
    tags=("diversion", "family engagement", "education in custody", "youth courts", "re-entry"),
    featured=(
        (
            "Keeping young people in school while their case is open",
            "Court dates fall on school days, bail conditions clash with timetables, and a "
            "suspension can follow a charge. What have courts and schools agreed where you "
            "work so that a case does not cost a young person their schooling?",
            "",
        ),
        (
            "Pre-charge diversion: who decides, and on what?",
            "Police, prosecutors and youth workers all make diversion decisions. Which model "
            "do you use, and how do you check that it is applied fairly across neighbourhoods?",
            "The thread in brief:\n\n1. Publish the diversion criteria and the numbers by area."
            "\n2. Give young people a chance to be heard before a decision.\n"
            "3. Diversion that requires an admission worries defence counsel; several "
            "programmes dropped that condition.",
        ),
    ),
    discussions=(
        (
            "Parents at the first appearance",
            "Many parents cannot leave work for a morning hearing. What have you done to make "
            "it possible for them to come?",
        ),
        (
            "Bail conditions that set young people up to fail",
            "Curfews, non-association with friends from school, no phones: which conditions "
            "do you see breached most, and are they needed?",
        ),
        (
            "Youth workers with lived experience",
            "Our programme hired two young adults who went through youth court. How do you "
            "support people in that role?",
        ),
    ),
    questions=(
        (
            "Has anyone evaluated a school-based diversion programme?",
            "We would like to compare our results with a programme of similar size.",
            "We ran a two-year comparison with neighbouring districts. Re-referral to court "
            "within a year was lower, but the largest effect was on school attendance. The "
            "report is in the library under 'Diversion programme case study'.",
        ),
        (
            "Where can I find plain-language bail conditions for young people?",
            "Our conditions are written for lawyers. Has any court rewritten them for the young "
            "person reading them?",
            "",
        ),
    ),
    proposals=(
        (
            "Proposed: education rights in custody, a comparison",
            "I would like to compare how custody facilities meet education duties in three "
            "provinces.",
        ),
        (
            "Proposed: a guide for parents on their child's first court date",
            "A two-page guide written with parents.",
        ),
    ),
    points=(
        "Our court lists youth matters after 3:30 on two afternoons a week so students miss "
        "less school.",
        "The school liaison officer attends every first appearance here.",
        "We stopped imposing curfews by default; breaches dropped by half.",
        "Parents told us they avoided court because they feared their own questions about "
        "child protection.",
        "Diversion numbers in our city differ four-fold between neighbourhoods. That started "
        "a hard conversation.",
        "Our youth workers with lived experience are paid the same as other youth workers.",
        "We call the family the day before every hearing with the time and the room.",
        "Young people asked for conditions to be written in second person: 'you must'.",
        "Education in our custody centre is three hours a day, far less than school.",
        "The judge asks the young person first, before the lawyers speak.",
    ),
    asks=(
        "Does your diversion require an admission of responsibility?",
        "How do you involve schools without sharing the charge with them?",
        "Who supervises youth workers with lived experience in your programme?",
        "Do you track diversion by neighbourhood or by school?",
    ),
)

RESTORATIVE_JUSTICE = Topic(
    tags=("circles", "victim-offender dialogue", "facilitator training", "schools", "serious harm"),
    featured=(
        (
            "Restorative processes after serious harm",
            "Dialogue after serious violence asks a great deal of everyone. For those who "
            "facilitate such meetings: how do you prepare, how long does it take, and when do "
            "you decide not to go ahead?",
            "",
        ),
        (
            "Training and supervising volunteer facilitators",
            "Many programmes rely on volunteers. What training do you require, how do you "
            "supervise them, and how do you look after them?",
            "What we took from the discussion:\n\n1. Co-facilitation for every case in the "
            "first year.\n2. Regular debriefs with an experienced practitioner.\n3. Clear limits "
            "on the cases volunteers take on.",
        ),
    ),
    discussions=(
        (
            "Circles in schools: beyond discipline",
            "Some schools use circles only after an incident. Has anyone made them part of "
            "ordinary class life?",
        ),
        (
            "When the person harmed says no",
            "How do you offer something meaningful to a person who caused harm when the person "
            "harmed does not wish to take part?",
        ),
        (
            "Agreements that are kept",
            "What makes a restorative agreement realistic? Ours are often too ambitious.",
        ),
    ),
    questions=(
        (
            "How long does preparation take before a face-to-face meeting?",
            "Our referral agencies expect a meeting within a month. Is that realistic?",
            "For serious harm we rarely meet in under four months, sometimes a year. We send "
            "referrers a one-page note at the start explaining why and what happens in each "
            "stage, and the complaints about delay stopped.",
        ),
        (
            "Is there a shared code of ethics for facilitators in Latin America?",
            "We are drafting one for our network and would like to learn from others.",
            "",
        ),
    ),
    proposals=(
        (
            "Proposed: restorative practice in workplace harassment",
            "Some employers now ask for restorative processes. I would like to discuss where the "
            "limits are.",
        ),
        (
            "Proposed: a glossary of restorative terms in three languages",
            "English, Spanish and Portuguese terms, with notes.",
        ),
    ),
    points=(
        "We meet each party at least three times before they meet each other.",
        "Our facilitators work in pairs for every serious harm case.",
        "Surrogate victims have worked well for us when the person harmed declines.",
        "Agreements with fewer than four items are kept far more often in our programme.",
        "The school circles we run weekly have reduced the number of harm circles needed.",
        "We tell referrers at the start that we may decide not to proceed.",
        "Volunteers meet monthly with a supervisor; that is where most learning happens.",
        "The person harmed chooses the venue and the time in our process.",
        "Letters that are never sent can be part of a restorative process too.",
        "We follow up three months after the agreement, even when it was kept.",
    ),
    asks=(
        "Do you let lawyers attend the meeting?",
        "How do you decide that a case is not suitable?",
        "How are your volunteer facilitators recruited?",
        "Does the court see the agreement, or only whether it was completed?",
    ),
)

COMMUNITY_PARALEGALS = Topic(
    tags=(
        "legal empowerment",
        "pre-trial detention",
        "land rights",
        "paralegal supervision",
        "community education",
    ),
    featured=(
        (
            "Paralegals in police stations: access and safety",
            "In several countries paralegals now visit police cells to check detentions. How "
            "did you negotiate access, and how do you keep paralegals safe?",
            "",
        ),
        (
            "Supervision for paralegals far from a lawyer",
            "A paralegal three hours from the nearest lawyer needs support they can reach. "
            "What supervision works when distance is real?",
            "Members agreed on:\n\n1. A weekly call at a fixed time, even when there is little "
            "to report.\n2. A shared case log the supervisor reads.\n3. A clear list of matters "
            "that must go to a lawyer.",
        ),
    ),
    discussions=(
        (
            "Community education that people attend",
            "Workshops on rights draw few people. Radio, markets, church groups: what has "
            "reached people in your community?",
        ),
        (
            "Paralegal recognition in law",
            "Which countries recognise community paralegals in legislation, and did it help or "
            "constrain the work?",
        ),
        (
            "Record-keeping without computers",
            "Several of our paralegals keep paper case logs. How do you collect and compare them?",
        ),
    ),
    questions=(
        (
            "How do you track outcomes of land disputes over years?",
            "Land cases last longer than our funding cycles. How do you follow them?",
            "We gave each case a simple outcome sheet that the paralegal fills in at every "
            "milestone, and the clients keep a copy. Years later, the clients' copies are often "
            "the best record we have.",
        ),
        (
            "Has anyone trained paralegals to prepare bail applications?",
            "Magistrates in our district accept paralegal-prepared papers, but we lack a "
            "curriculum.",
            "",
        ),
    ),
    proposals=(
        (
            "Proposed: a paralegal safety protocol",
            "A shared protocol for visits to detention and tense community meetings.",
        ),
        (
            "Proposed: stories from ten years of community paralegal work",
            "A collection of short accounts from paralegals in four countries.",
        ),
    ),
    points=(
        "Our paralegals visit the district police cells every morning before ten.",
        "A letter from the chief magistrate opened the doors of the police stations for us.",
        "Radio call-in shows bring more questions than any workshop we held.",
        "We keep a paper register and photograph each page weekly for the supervisor.",
        "Recognition in the legal aid act let paralegals be paid from public funds here.",
        "Paralegals never visit cells alone; always in pairs.",
        "Clients' copies of their case sheets have saved several land cases for us.",
        "We pair each new paralegal with an experienced one for six months.",
        "Market days are when people come; we set up a table by the bus stop.",
        "Pre-trial detainees released after a paralegal visit are often held beyond the "
        "legal limit.",
    ),
    asks=(
        "How do you pay paralegals' travel to remote villages?",
        "What can a paralegal do that a lawyer cannot, where you work?",
        "How do you handle threats against paralegals?",
        "Does your legal aid board count paralegal work in its statistics?",
    ),
)

LEGAL_AID_INNOVATION = Topic(
    tags=("triage", "self-help tools", "unbundled services", "technology", "funding"),
    featured=(
        (
            "Triage that sends people to the right help the first time",
            "People often contact three services before they find the right one. Who has built "
            "triage shared between providers, and what did the hand-offs look like?",
            "",
        ),
        (
            "Unbundled services: help with part of a case",
            "Limited-scope help lets lawyers assist more people, but clients can be left alone "
            "at the hardest moment. Where does it work, and where not?",
            "In brief:\n\n1. Unbundling works best for drafting and advice, less for hearings."
            "\n2. Clients need a written note of what the lawyer will and will not do.\n"
            "3. Courts should know when a party had drafting help.",
        ),
    ),
    discussions=(
        (
            "Guided interviews for court forms",
            "Several services offer online interviews that fill in forms. How do you check the "
            "forms are right?",
        ),
        (
            "Text message reminders for hearings",
            "Has anyone measured missed hearings before and after reminders?",
        ),
        (
            "Funders and innovation fatigue",
            "Funders like pilots and rarely pay to keep what worked. How do you secure "
            "long-term funding?",
        ),
    ),
    questions=(
        (
            "Which triage questions predict that someone needs a lawyer?",
            "We want a short set of questions that identifies people who cannot manage alone.",
            "In our data, three questions carried most of the weight: whether the other side "
            "has a lawyer, whether there is a hearing date already, and whether the person can "
            "read the documents they received. We check the rest by a short call.",
        ),
        (
            "Has anyone used chat services for legal information in several languages?",
            "Our callers speak more than twenty languages.",
            "",
        ),
    ),
    proposals=(
        (
            "Proposed: sharing our triage decision tree",
            "Our decision tree after two years and 40,000 contacts; what changed and why.",
        ),
        (
            "Proposed: a vendor-neutral list of form-filling tools",
            "A short comparison with what each costs.",
        ),
    ),
    points=(
        "Text reminders cut missed hearings by about a fifth in our housing court pilot.",
        "Our triage line sends a warm hand-off: the next service calls the person back.",
        "Unbundled drafting help works well for us; unbundled representation at hearings "
        "much less.",
        "We ask one question first: is there a date on any paper you received?",
        "Guided interviews are reviewed by a paralegal before filing in our service.",
        "The funder agreed to three years once we showed cost per resolved case.",
        "Our chat service works in six languages with interpreters on call.",
        "We stopped building new tools and improved the ones people already used.",
        "Clients receive a written scope note for every unbundled service.",
        "Court staff refer to us directly now; that doubled early contacts.",
    ),
    asks=(
        "How do you measure whether triage sent someone to the right place?",
        "Who maintains your guided interviews when the forms change?",
        "Do courts in your area accept forms prepared with limited-scope help?",
        "What did your reminder system cost per message?",
    ),
)

TOPICS = {
    "youth-justice": YOUTH_JUSTICE,
    "restorative-justice": RESTORATIVE_JUSTICE,
    "community-paralegals": COMMUNITY_PARALEGALS,
    "legal-aid-innovation": LEGAL_AID_INNOVATION,
}

"""Court administration, data and evaluation, judges, and reform leaders."""

from . import Topic

COURT_MANAGEMENT = Topic(
    tags=("caseflow", "performance measures", "remote hearings", "court users", "staffing"),
    featured=(
        (
            "Remote hearings three years on: which to keep",
            "Video hearings spread in a hurry. Now that the dust has settled, which hearing "
            "types does your court keep remote, which went back to the courtroom, and what "
            "decided it?",
            "",
        ),
        (
            "Reducing adjournments without rushing parties",
            "Adjournments are the largest source of delay in most of our registries. What "
            "worked to cut them without pushing unprepared parties forward?",
            "What worked for members:\n\n1. A readiness call a week before the hearing.\n"
            "2. Publishing adjournment rates by list, without names.\n3. A firm date policy "
            "agreed with the bar, with clear exceptions.",
        ),
    ),
    discussions=(
        (
            "Court user surveys people complete",
            "Our paper survey gets a three per cent response. How do you hear from court users?",
        ),
        (
            "Retaining registry staff",
            "We lose trained clerks to other government jobs within two years. What has helped "
            "keep them?",
        ),
        (
            "Signage and wayfinding",
            "People get lost in our courthouse. Has anyone redesigned signs with court users?",
        ),
    ),
    questions=(
        (
            "Which performance measures do you report to the public?",
            "We are choosing five measures for an annual report.",
            "We publish time to disposition, clearance rate, age of pending cases, trial date "
            "certainty and a court user satisfaction score. The trial date certainty figure "
            "got the most attention from the bar and changed behaviour fastest.",
        ),
        (
            "Has anyone moved small claims fully online?",
            "We would like to hear what went wrong as well as what worked.",
            "",
        ),
    ),
    proposals=(
        (
            "Proposed: a shared dashboard of caseflow measures",
            "I would like to compare five measures across the courts in this community.",
        ),
        (
            "Proposed: a checklist for opening a new courthouse",
            "What we wish we had known before moving.",
        ),
    ),
    points=(
        "We kept remote hearings for procedural appearances and brought back trials.",
        "A readiness call by the registry a week ahead cut our adjournments by a quarter.",
        "Our clerks asked for a career path more than for higher pay.",
        "Signs written with court users replaced the legal terms with plain ones.",
        "The QR code survey at the exit gets ten times the responses of paper.",
        "We publish adjournment rates by list; nobody wanted to be at the top.",
        "Interpreters booked remotely saved us two weeks on average.",
        "Every new clerk shadows a senior clerk for a month.",
        "Our remote hearing room for self-represented people has a staff member nearby.",
        "Trial date certainty rose from 60 to 85 per cent after the firm date policy.",
    ),
    asks=(
        "Who decides whether a hearing is remote in your court, the judge or the registry?",
        "How do you measure court user satisfaction?",
        "Do you publish your figures by courthouse?",
        "How long does it take to train a new clerk where you are?",
    ),
)

JUSTICE_DATA = Topic(
    tags=(
        "evaluation",
        "outcome measures",
        "data sharing",
        "quasi-experimental designs",
        "dashboards",
    ),
    featured=(
        (
            "Outcomes beyond re-offending",
            "Re-arrest and reconviction dominate evaluations. Which other outcomes do you "
            "measure (housing, employment, health, family), and how do you collect them "
            "without burdening staff or participants?",
            "",
        ),
        (
            "Evaluating small programmes without a control group",
            "Most programmes in this community serve a few dozen people a year. Which designs "
            "gave you credible answers at that size?",
            "The designs members recommended:\n\n1. Comparison with people eligible but not "
            "referred, matched on a few variables.\n2. Interrupted time series when the "
            "programme starts on a known date.\n3. Honest reporting of uncertainty, in words "
            "as well as numbers.",
        ),
    ),
    discussions=(
        (
            "Data sharing agreements with health partners",
            "Which clauses took longest to agree, and why?",
        ),
        (
            "Dashboards that leaders read",
            "We built a dashboard nobody opens. What made yours useful?",
        ),
        (
            "Involving participants in evaluation design",
            "Has anyone asked participants what success means before choosing the measures?",
        ),
    ),
    questions=(
        (
            "Is there a standard set of outcome measures for treatment courts?",
            "We would like our figures to be comparable with others.",
            "There is no single standard, but several national bodies publish core sets. We "
            "adopted one of those and added two measures of our own on housing and "
            "employment. The workbook in the library maps them side by side.",
        ),
        (
            "How do you link court and health data without identifying people?",
            "Our ethics board asks for a linkage method that keeps identities separate.",
            "",
        ),
    ),
    proposals=(
        (
            "Proposed: a clinic on reading evaluation reports",
            "A session for practitioners who commission evaluations but do not run them.",
        ),
        (
            "Proposed: shared definitions of 'completion' and 'retention'",
            "Our courts use these words differently.",
        ),
    ),
    points=(
        "We measure housing at entry, at exit and twelve months later; monthly was not realistic.",
        "Our data sharing agreement took fourteen months, most of it on retention periods.",
        "The dashboard became useful when we cut it to four numbers and a sentence each.",
        "Participants told us that 'getting my children back' was the outcome they cared about.",
        "Interrupted time series worked for us because the programme started on a clear date.",
        "A trusted third party does our data linkage; neither side sees the other's identities.",
        "Definitions of 'completion' differed so much between courts that comparison was "
        "meaningless.",
        "We report confidence intervals and a plain sentence about what they mean.",
        "Staff stopped resisting data entry once they saw the monthly report themselves.",
        "Small samples are not an excuse to skip evaluation, only to be modest about it.",
    ),
    asks=(
        "Which outcome would you add if you could measure only one more?",
        "Who owns the linked data set in your arrangement?",
        "How do you present uncertain results to funders?",
        "Have you published a null result, and how was it received?",
    ),
)

JUDGES_ROUNDTABLE = Topic(
    tags=(
        "judicial wellbeing",
        "courtroom management",
        "judicial ethics",
        "self-represented litigants",
        "leading reform",
    ),
    featured=(
        (
            "Vicarious trauma on the bench",
            "Judges hear the worst of what people do to each other, often every day. What "
            "helps you carry it, and what should our courts offer that they do not?",
            "",
        ),
        (
            "Self-represented litigants: fair help from the bench",
            "How far may a judge go in explaining procedure to an unrepresented party without "
            "appearing to take sides?",
            "What colleagues shared:\n\n1. Explain the process to both parties at the start, "
            "in the same words.\n2. Ask open questions; never suggest an argument.\n3. Written "
            "information handed to everyone avoids the appearance of favour.",
        ),
    ),
    discussions=(
        (
            "Speaking to the person, not only to counsel",
            "How do you address the accused directly while respecting counsel's role?",
        ),
        (
            "Judges leading reform: where are the limits?",
            "Chairing a reform committee is welcome; lobbying is not. Where do you draw the line?",
        ),
        (
            "Managing a long list without losing people",
            "Eighty matters on a morning list: how do you keep each appearance human?",
        ),
    ),
    questions=(
        (
            "May a judge attend a treatment court's graduation outside court hours?",
            "A colleague asked whether attending a graduation in a community hall raises "
            "concerns about impartiality.",
            "The advice I received from our ethics committee was that attending is fine if the "
            "judge sits on the treatment court, speaks only about the programme, and does not "
            "attend social events with participants afterwards.",
        ),
        (
            "Is there peer support for judges after a traumatic trial?",
            "Our court has an employee assistance line, but judges rarely use it.",
            "",
        ),
    ),
    proposals=(
        (
            "Proposed: a roundtable on writing reasons for unrepresented parties",
            "Short reasons in plain language, and what appeal courts say about them.",
        ),
        (
            "Proposed: mentoring for newly appointed judges",
            "How courts pair new judges with experienced colleagues.",
        ),
    ),
    points=(
        "Our court now offers a confidential debrief with a psychologist after long trials.",
        "I explain the steps of the hearing to both parties at the start, every time.",
        "Speaking to the accused directly has never caused a problem with counsel for me.",
        "I keep a written checklist for self-represented parties, handed to both sides.",
        "Chairing a committee is fine; speaking for a policy in the press is not.",
        "The first ten seconds of an appearance set the tone; I use the person's name.",
        "Peer support among judges works better than an external line in my experience.",
        "I take a short walk at the lunch break after a difficult morning; it matters.",
        "New judges in our court sit with a mentor for the first three months.",
        "Plain reasons reduced appeals from unrepresented parties in our division.",
    ),
    asks=(
        "Does your court offer debriefs after difficult trials?",
        "How do you handle a party who keeps interrupting?",
        "Have you ever declined to join a reform committee, and why?",
        "How do you keep a long list moving without rushing people?",
    ),
)

REFORM_LEADERSHIP_CIRCLE = Topic(
    tags=(
        "coalitions",
        "sequencing reform",
        "sustainability",
        "donor relations",
        "political transitions",
    ),
    featured=(
        (
            "Keeping reforms alive after the project ends",
            "Too many reforms fade when external funding stops. What did you build into your "
            "programme from the start so that it would outlast the project?",
            "",
        ),
        (
            "Coalitions that survive an election",
            "A change of minister can undo years of work. How have you built support that "
            "survived a change of government?",
            "The circle's conclusions:\n\n1. Anchor the reform in the judiciary and the bar, not "
            "only in the ministry.\n2. Publish results early and often.\n3. Brief the "
            "opposition as carefully as the government.",
        ),
    ),
    discussions=(
        (
            "Sequencing: quick wins or hard reforms first?",
            "Do early visible wins buy support for difficult reforms, or use up goodwill?",
        ),
        (
            "Donors who want different things",
            "Three donors, three reporting frameworks. How do you keep one programme coherent?",
        ),
        (
            "Handing over to national leadership",
            "What does a good handover from an international team look like?",
        ),
    ),
    questions=(
        (
            "How do you budget for maintenance of justice IT systems after a project?",
            "Our case management system was donated; its maintenance was not.",
            "We negotiated a rising share of maintenance costs into the ministry's budget over "
            "three years, starting in the project's second year. It only worked because the "
            "finance ministry was in the steering committee from the start.",
        ),
        (
            "Has anyone published a reform's failures openly?",
            "We are considering a frank lessons report and worry about the reaction.",
            "",
        ),
    ),
    proposals=(
        (
            "Proposed: a closed session on reforms that failed",
            "An off-the-record discussion of what went wrong and why.",
        ),
        (
            "Proposed: a template for a reform's exit plan",
            "What an exit plan should contain, from day one.",
        ),
    ),
    points=(
        "We put the finance ministry on the steering committee from the first month.",
        "Quick wins helped us, but only the ones the public could actually see.",
        "Our reform survived the election because the chief justice owned it.",
        "A single reporting framework agreed among donors saved us a full-time post.",
        "We briefed the opposition's justice spokesperson every quarter.",
        "National staff led every public presentation from the second year.",
        "The exit plan was written in year one and revised every year.",
        "Publishing our failures built more trust with the bar than our successes did.",
        "Reforms that changed daily routines lasted; new institutions often did not.",
        "We measured sustainability by what the budget paid for, not by what was promised.",
    ),
    asks=(
        "Who in your country owns the reform after the project closes?",
        "How did you persuade donors to share one framework?",
        "What would you sequence differently next time?",
        "How do you keep the bar on side through a transition?",
    ),
)

TOPICS = {
    "court-management": COURT_MANAGEMENT,
    "justice-data": JUSTICE_DATA,
    "judges-roundtable": JUDGES_ROUNDTABLE,
    "reform-leadership-circle": REFORM_LEADERSHIP_CIRCLE,
}

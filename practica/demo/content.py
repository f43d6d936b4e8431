"""The demo site's content, written for Practica. Used by `manage.py seed_demo`."""

DEMO_PASSWORD = "practica-demo-2026"  # noqa: S105 - demo accounts only; printed by make run


# name, slug, summary, domain, focus slugs, visibility, join policy, eligibility, status, rules
COMMUNITIES = [
    (
        "Drug Treatment Courts",
        "drug-treatment-courts",
        "Judges, coordinators and treatment teams running courts that pair supervision "
        "with recovery.",
        "We compare how treatment courts screen participants, use incentives and "
        "sanctions, work with clinicians and keep people in recovery after graduation.",
        ["skills", "knowledge"],
        "public",
        "approval",
        "",
        "active",
        "- Remove every detail that could identify a participant.\n"
        "- Cite the source when you quote research or a standard.",
    ),
    (
        "Domestic Violence Courts",
        "domestic-violence-courts",
        "Specialised courts and their partners working for victim safety and offender "
        "accountability.",
        "Practitioners share how integrated dockets, risk assessment, protection orders "
        "and batterer intervention programmes work together, and what keeps survivors safe.",
        ["knowledge", "management"],
        "public",
        "approval",
        "",
        "active",
        "- Safety first: never post information that could locate a survivor.",
    ),
    (
        "Strategic Litigation for Racial Justice",
        "racial-justice-litigation",
        "Litigators and organisations rethinking how cases are chosen, run and won "
        "together with the communities they affect.",
        "A space for lawyers and litigating organisations to develop collaborative, "
        "community-led ways of bringing cases on racial, social and economic justice, "
        "and to rethink what success in a litigation campaign means.",
        ["innovation", "skills"],
        "members",
        "approval",
        "",
        "active",
        "- Discussions stay inside the community unless the author agrees otherwise.\n"
        "- Pleadings shared here are drafts for learning, not for filing.",
    ),
    (
        "Indigenous and Wellness Courts",
        "indigenous-wellness-courts",
        "Healing-to-wellness courts, peacemaking and culturally grounded justice.",
        "Tribal, First Nations and community courts exchange how traditional practices, "
        "elders and healing plans sit alongside formal procedure.",
        ["knowledge", "innovation"],
        "public",
        "open",
        "",
        "active",
        "- Ask before sharing ceremonies or teachings that belong to a nation.",
    ),
    (
        "Youth Justice",
        "youth-justice",
        "Keeping young people out of custody and in school, family and community.",
        "Diversion, youth courts, family engagement, education in detention and "
        "re-entry: what works for young people in conflict with the law.",
        ["knowledge", "skills"],
        "public",
        "open",
        "",
        "active",
        "",
    ),
    (
        "Legal Aid Innovation",
        "legal-aid-innovation",
        "New ways of delivering legal help: triage, self-help tools, paralegals and partnerships.",
        "Legal aid providers test and compare service models, technology and funding so "
        "that more people get help earlier.",
        ["innovation", "management"],
        "public",
        "open",
        "",
        "active",
        "- Vendors are welcome as members but may not advertise.",
    ),
    (
        "Judges' Roundtable",
        "judges-roundtable",
        "A confidential forum where judicial officers discuss the craft of judging.",
        "Judges and justices of the peace talk through courtroom management, judicial "
        "wellbeing, ethics questions and how to lead reform from the bench.",
        ["skills", "management"],
        "members",
        "approval",
        "Judges and justices of the peace only",
        "active",
        "- What is said in the roundtable stays in the roundtable.\n"
        "- Do not discuss cases that are pending before you.",
    ),
    (
        "Court Management and Administration",
        "court-management",
        "Court administrators and clerks improving caseflow, staffing and services.",
        "Caseflow management, performance measures, budgets, court technology and "
        "customer service for court users.",
        ["management"],
        "public",
        "open",
        "",
        "active",
        "",
    ),
    (
        "Paralegals and Community Justice Workers",
        "community-paralegals",
        "Community-based paralegals helping people know, use and shape the law.",
        "Training, supervision, case documentation and advocacy strategies for "
        "paralegals working in villages, neighbourhoods and camps.",
        ["skills", "knowledge"],
        "public",
        "open",
        "",
        "active",
        "",
    ),
    (
        "Mental Health and the Courts",
        "mental-health-courts",
        "Courts, clinicians and peers responding to people with mental illness.",
        "Mental health courts, competency, crisis diversion and the role of peer support "
        "specialists with lived experience.",
        ["knowledge", "skills"],
        "public",
        "approval",
        "",
        "active",
        "- Use person-first language.",
    ),
    (
        "Justice Data and Evaluation",
        "justice-data",
        "Measuring what justice programmes achieve, and sharing the evidence.",
        "Evaluation design, outcome measures, data sharing agreements and how to present "
        "evidence to funders and legislators.",
        ["knowledge", "innovation"],
        "public",
        "open",
        "",
        "active",
        "",
    ),
    (
        "Restorative Justice Practice",
        "restorative-justice",
        "Facilitators and programmes bringing harm, responsibility and repair together.",
        "Victim-offender dialogue, circles, conferencing in schools and courts, and how "
        "to train and support facilitators.",
        ["skills", "innovation"],
        "public",
        "open",
        "",
        "active",
        "",
    ),
    (
        "Reform Leadership Circle",
        "reform-leadership-circle",
        "A small invited group of leaders steering justice reform programmes.",
        "Programme directors and senior officials compare how they build coalitions, "
        "sequence reforms and sustain them after funding ends.",
        ["management", "innovation"],
        "hidden",
        "invitation",
        "",
        "active",
        "- Membership is by invitation of the chair.",
    ),
    (
        "Plain Language in the Law",
        "plain-language",
        "Writing court forms, orders and notices that people can understand.",
        "Drafters and court staff rewrote forms and notices together; the community is "
        "archived and its work is kept for reference.",
        ["skills"],
        "public",
        "open",
        "",
        "archived",
        "",
    ),
]

FIRST_NAMES = [
    "Amara", "Bruno", "Chen", "Dalia", "Emeka", "Fatima", "Gustavo", "Hana", "Ibrahim",
    "Joanna", "Kwame", "Leila", "Mateo", "Nadia", "Oluwaseun", "Priya", "Quentin", "Rosa",
    "Samuel", "Tamar", "Uma", "Viktor", "Wanjiru", "Xavier", "Yasmin", "Zoltan", "Aiyana",
    "Bashir", "Camille", "Dmitri", "Elif", "Farid", "Grace", "Hugo", "Imani", "Jonas",
]  # fmt: skip
LAST_NAMES = [
    "Abebe", "Bianchi", "Castillo", "Dubois", "Eze", "Fischer", "Gomes", "Haddad", "Ito",
    "Johansson", "Kowalski", "Lindqvist", "Mensah", "Nakamura", "Okafor", "Petrov",
    "Quispe", "Rahman", "Santos", "Tremblay", "Umarov", "Varga", "Whitehorse", "Yilmaz",
]  # fmt: skip
COUNTRIES = [
    "Canada", "United States", "Kenya", "Nigeria", "South Africa", "Brazil", "Mexico",
    "Peru", "France", "Germany", "Netherlands", "United Kingdom", "India", "Philippines",
    "Ukraine", "Georgia", "Australia", "New Zealand",
]  # fmt: skip
LANGUAGES = ["English", "French", "Spanish", "Portuguese", "Swahili", "Arabic", "Russian"]
INTERESTS = [
    "treatment courts", "risk assessment", "diversion", "case management", "evaluation",
    "victim services", "peer support", "court technology", "legal empowerment",
    "restorative practice", "judicial education", "strategic litigation", "data",
]  # fmt: skip
AFFILIATIONS = {
    "judge": ["{place} Superior Court", "{place} District Court", "{place} Magistrates' Court"],
    "lawyer": ["{place} Public Defender", "Legal Aid {place}", "{last} & Partners"],
    "paralegal": ["{place} Community Paralegal Network", "Justice Centre of {place}"],
    "litigator": ["{place} Civil Liberties Union", "Equal Rights Litigation Fund"],
    "court_staff": ["{place} Court Administration", "Office of the Clerk, {place}"],
    "treatment": ["{place} Recovery Services", "{place} Behavioural Health"],
    "academic": ["University of {place}", "{place} Institute of Criminology"],
    "advocate": ["{place} Families for Justice", "Second Chances {place}"],
    "lived_experience": ["{place} Peer Recovery Network", "Voices of Re-entry {place}"],
    "consultant": ["Independent consultant", "Justice Sector Advisory Group"],
    "other": ["{place} Ministry of Justice", "{place} Police Service"],
}
PLACES = [
    "Nairobi", "Toronto", "Lagos", "Lyon", "Cusco", "Manila", "Tbilisi", "Leeds", "Recife",
    "Pretoria", "Winnipeg", "Auckland", "Chennai", "Kharkiv", "Oaxaca", "Tulsa",
]  # fmt: skip
STATEMENTS = [
    "I coordinate a programme like this and want to compare notes with peers.",
    "We are starting a pilot next year and would value examples and advice.",
    "I have worked in this field for ten years and am glad to share what we learned.",
    "My research looks at these courts; I hope to learn from practitioners.",
    "I went through this system myself and now support others who do.",
]

# Who a community's leaders and core members tend to be: occupations, and words in their
# interests. Leaders are chosen among the people who fit best.
FIT = {
    "drug-treatment-courts": (("judge", "treatment", "court_staff", "lived_experience"),
                              ("treatment courts", "peer", "addiction")),
    "domestic-violence-courts": (("judge", "advocate", "court_staff", "lawyer"),
                                 ("domestic violence", "victim", "risk")),
    "racial-justice-litigation": (("litigator", "lawyer", "advocate"),
                                  ("strategic litigation", "racial", "bail")),
    "indigenous-wellness-courts": (("judge", "paralegal", "court_staff", "lived_experience"),
                                   ("indigenous", "wellness", "healing", "Gladue")),
    "youth-justice": (("judge", "advocate", "lawyer", "treatment"), ("youth", "diversion")),
    "legal-aid-innovation": (("lawyer", "consultant", "paralegal"),
                             ("legal aid", "triage", "innovation")),
    "judges-roundtable": (("judge",), ("judicial", "wellbeing")),
    "court-management": (("court_staff", "consultant", "other"),
                         ("caseflow", "court administration", "court reform", "case delay")),
    "community-paralegals": (("paralegal", "advocate", "lawyer"),
                             ("legal empowerment", "pre-trial detention")),
    "mental-health-courts": (("treatment", "lawyer", "judge", "other"),
                             ("mental health", "crisis", "concurrent")),
    "justice-data": (("academic", "consultant"), ("evaluation", "data")),
    "restorative-justice": (("academic", "judge", "advocate", "other"),
                            ("restorative", "mediation")),
    "reform-leadership-circle": (("consultant", "other", "judge"),
                                 ("court reform", "performance measures")),
    "plain-language": (("court_staff", "lawyer"), ("plain language", "language access")),
}  # fmt: skip

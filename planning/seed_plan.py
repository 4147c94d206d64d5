"""Seed 004's layout, the default of a new plan: its five strategic priorities (title, aim and key
outcomes in its own words, shortened) and its six workstreams. Seed 004 also has a "CSE and Missing"
row, which it notes is that subgroup's own delivery plan rather than a workstream."""

SEED_PRIORITIES = [
    (
        "Neglect",
        "Identification and response to childhood neglect.",
        "Concerns about possible childhood neglect are identified early and interventions put in place to "
        "ensure children's needs are met.\nWhere chronic cases of neglect are identified plans are put in "
        "place to protect children from further neglect.\nConsistent and timely response across agencies.",
    ),
    (
        "Child sexual exploitation and missing",
        "Identification, prevention and response to Child Sexual Exploitation/ children who go missing.",
        "The pathway for addressing concerns about cases of suspected CSE is clear.\nThere is clear data "
        "relating to CSE and children missing from home.\nReturn home interviews are of good quality and "
        "used at an individual and strategic level to tackle risks.",
    ),
    (
        "Effective safeguarding",
        "Ensure effective planning and intervention to improve the care, safety and wellbeing of children "
        "and reduce/eradicate actual or the risk of significant harm.",
        "Strategy meetings and section 47 investigations comply with statutory guidance.\nChild protection "
        "conferences and core groups are truly multi-agency.\nChild protection plans are effective in "
        "reducing the risk of significant harm to children.",
    ),
    (
        "Early help",
        "The early help services effectively identify needs and concerns relating to children and families, "
        "and services address these needs through effective planning and interventions.",
        "Effective decision making at the early stage of identification of needs, so that children and their "
        "families receive effective help at the right time.\nLead professionals are identified in each case "
        "deemed level 2 or 3 on the continuum of need.",
    ),
    (
        "Strong leadership, strong partnership",
        "The partnership seeks assurance, challenges and supports partner agencies in safeguarding children; "
        "lessons are learnt and improvements are made and embedded.",
        "Full engagement by all partners in all the processes of the partnership.\nOpen and informed "
        "reporting from partner agencies on safeguarding responsibilities, strengths and areas for "
        "improvement.",
    ),
]
SEED_WORKSTREAMS = [
    ("Policy and procedures", ""),
    ("Communications", ""),
    ("Training and workforce development", ""),
    ("Performance and audit", ""),
    ("Case review", "Including child death reviews and serious case reviews."),
    (
        "Voice of the child",
        "In all areas of working with children and families the board wants to be assured that the voice "
        "of children and families is heard, recorded and taken account of. All subgroups as appropriate.",
    ),
]

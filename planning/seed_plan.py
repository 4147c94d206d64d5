"""Seed 004's layout, the default of a new plan: its five strategic priorities (their own words) and its
six workstreams (seed 004 also has a "CSE and Missing" row, which it notes is that subgroup's own
delivery plan rather than a workstream)."""

# Seed 004's five strategic priorities (its own words, shortened for the column heads) and six workstreams.
SEED_PRIORITIES = [
    ("Neglect", "Identification and response to childhood neglect.", ""),
    (
        "Child sexual exploitation and missing",
        "Identification, prevention and response to Child Sexual Exploitation/ children who go missing.",
        "",
    ),
    (
        "Effective safeguarding",
        "Ensure effective planning and intervention to improve the care, safety and "
        "wellbeing of children and reduce/eradicate actual or the risk of significant harm",
        "",
    ),
    (
        "Early help",
        "The early help services effectively identify needs and concerns relating to children and families.",
        "",
    ),
    (
        "Strong leadership, strong partnership",
        "The HSCB seeks assurance, challenges and support partner agencies in safeguarding children.",
        "",
    ),
]
SEED_WORKSTREAMS = [
    ("Policy and procedures", ""),
    ("Communications", ""),
    ("Training and workforce development", ""),
    ("Performance and audit", ""),
    ("Case review", "Including child death reviews and serious case reviews."),
    ("Voice of the child", "All subgroups as appropriate."),
]

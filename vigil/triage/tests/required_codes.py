"""The red flags the triage issue requires the catalogue to cover, by code."""

REQUIRED_CODES = {
    "minor-commercial-sex",
    "new-in-town-young-looking",
    "confiscated-documents",
    "debt-bondage",
    "restricted-movement",
    "lives-at-workplace",
    "physical-abuse-branding",
    "third-party-control",
    "scripted-answers",
    "false-job-or-study-offer",
    "frequent-moves",
    "older-boyfriend-gifts",
    "online-grooming-sextortion",
    "dangerous-child-labour",
    "forced-begging",
    "child-marriage",
}

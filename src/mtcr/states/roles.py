"""The roles a person or a machine client can hold, with stable identifiers."""

from django.db import models


class RoleCode(models.TextChoices):
    EXPORTER = "exporter", "Exporter"
    LICENSING_OFFICER = "licensing_officer", "Licensing officer"
    TECHNICAL_EXPERT = "technical_expert", "Technical expert"
    SENIOR_LICENSING_OFFICER = "senior_licensing_officer", "Senior licensing officer (countersigns)"
    POC_OFFICER = "poc_officer", "Point of Contact officer"
    REGIME_CHAIR = "regime_chair", "Regime chair"
    HCOC_CENTRAL_CONTACT = "hcoc_central_contact", "HCoC Immediate Central Contact"
    HCOC_NATIONAL_CONTACT = "hcoc_national_contact", "HCoC national point of contact"
    SYSTEM_ADMINISTRATOR = "system_administrator", "System administrator"


#: Roles held by officials of a government (everyone but exporters).
OFFICIAL_ROLES: frozenset[str] = frozenset(RoleCode.values) - {RoleCode.EXPORTER}

#: Roles that work inside a government's national space (licensing work).
NATIONAL_ROLES: frozenset[str] = frozenset(
    {
        RoleCode.LICENSING_OFFICER,
        RoleCode.TECHNICAL_EXPERT,
        RoleCode.SENIOR_LICENSING_OFFICER,
        RoleCode.SYSTEM_ADMINISTRATOR,
    }
)

#: Roles that see the regime space when their government is a partner.
REGIME_ROLES: frozenset[str] = NATIONAL_ROLES | {RoleCode.POC_OFFICER, RoleCode.REGIME_CHAIR}

#: Roles that see the Hague Code of Conduct space when their government subscribes.
HCOC_ROLES: frozenset[str] = frozenset({RoleCode.HCOC_CENTRAL_CONTACT, RoleCode.HCOC_NATIONAL_CONTACT})

from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "velferd.organisation"
    label = "organisation"

    def ready(self) -> None:
        from velferd.access import units

        from . import selectors

        # Roles are bound to the registry's units; access finds them through these.
        units.register("office", units.UnitKind(find=selectors.office))
        units.register("iw_centre", units.UnitKind(find=selectors.iw_centre))
        units.register("municipality", units.UnitKind(find=selectors.municipality))
        units.register("county", units.UnitKind(find=selectors.county))
        units.register(
            "department",
            units.UnitKind(
                find=selectors.department,
                every=selectors.departments,
                keys=selectors.DEPARTMENT_SLUGS,
            ),
        )

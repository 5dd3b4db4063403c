from django.apps import AppConfig


class SchemesConfig(AppConfig):
    name = "velferd.schemes"
    label = "schemes"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from velferd.core.labels import AUDIT_RECORDS, register_choices

        from .choices import NeedGroup
        from .lifecycles import register_labels
        from .models import ArrangedAs, PriceModel, SupplierKind

        register_choices("need_group", NeedGroup)
        register_choices("price_model", PriceModel)
        register_choices("arranged_as", ArrangedAs)
        register_choices("supplier_kind", SupplierKind)
        register_labels()
        AUDIT_RECORDS.update(
            {
                "scheme_type": _("Scheme type"),
                "national_rate": _("National rate"),
                "supplier": _("Supplier"),
                "supplier_unit": _("Supplier's sub-unit"),
                "supplier_contact": _("Supplier's contact person"),
            }
        )

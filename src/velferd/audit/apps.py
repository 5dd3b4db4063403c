from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "velferd.audit"
    label = "audit"

from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "velferd.enquiries"
    label = "enquiries"

from django.apps import AppConfig


class ProjectConfig(AppConfig):
    name = "velferd.project"
    label = "project"

    def ready(self) -> None:
        from django_tasks.signals import task_finished

        from .metrics import count_task_failure

        task_finished.connect(count_task_failure, dispatch_uid="velferd-task-failures")

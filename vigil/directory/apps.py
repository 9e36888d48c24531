from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "vigil.directory"
    label = "directory"
    verbose_name = "Service directory"

from django.apps import AppConfig


class SportsdataConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sportsdata"

from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "conversations"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_out

        from conversations.apis import schema  # noqa: F401 - registers the OpenAPI auth schemes
        from conversations.assistant.engines import engine_breakers_register

        engine_breakers_register()

        from conversations.identity import browser_logout_sockets_close

        user_logged_out.connect(browser_logout_sockets_close, dispatch_uid="chatbet-logout-sockets")

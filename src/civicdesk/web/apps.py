from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "civicdesk.web"
    label = "web"

from django.contrib import admin

from civicdesk.cases.models import ResponseTemplate

admin.site.register(ResponseTemplate)

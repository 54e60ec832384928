from django.conf import settings


def portal(request):
    return {
        "portal_name": settings.PORTAL_NAME,
        "portal_langname": settings.PORTAL_LANGNAME,
    }

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from pik_portal.selectors import organisationen_von


@login_required
def liste(request):
    organisationen = organisationen_von(request.user).select_related("kreis")
    return render(request, "foerderantraege/liste.html", {"organisationen": organisationen})

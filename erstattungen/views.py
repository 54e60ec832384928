from django.shortcuts import render


def vorauszahlungen(request):
    return render(request, "erstattungen/vorauszahlungen.html")

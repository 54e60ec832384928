def anlage(request, **kw):
    raise NotImplementedError


def anlage_loeschen(request, **kw):
    raise NotImplementedError


def anlagen(request, **kw):
    raise NotImplementedError


def antragsteller(request, **kw):
    raise NotImplementedError


def bankverbindung(request, **kw):
    raise NotImplementedError


def bescheid_pdf(request, **kw):
    raise NotImplementedError


def bestaetigung(request, **kw):
    raise NotImplementedError


def detail(request, **kw):
    raise NotImplementedError


def einreichen(request, **kw):
    raise NotImplementedError


def erklaerungen(request, **kw):
    raise NotImplementedError


def finanzierung(request, **kw):
    raise NotImplementedError


def freigeben(request, **kw):
    raise NotImplementedError


def liste(request, **kw):
    raise NotImplementedError


def nachforderung(request, **kw):
    raise NotImplementedError


def neu(request, **kw):
    raise NotImplementedError


def pruefen(request, **kw):
    raise NotImplementedError


def stelle_bearbeiten(request, **kw):
    raise NotImplementedError


def stelle_loeschen(request, **kw):
    raise NotImplementedError


def stellen(request, **kw):
    raise NotImplementedError


def verlauf(request, **kw):
    raise NotImplementedError


def zurueckziehen(request, **kw):
    raise NotImplementedError

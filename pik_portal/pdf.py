"""The one place that turns an HTML template into a PDF.

Notices are PDF/A-3a: archival and tagged, so screen readers can read them.
Relative URLs in the templates (``css/pdf.css``, fonts) resolve inside ``static/``;
every other URL is refused, so rendering never touches the network.
"""

from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.template.loader import render_to_string

PDF_VARIANTE = "pdf/a-3a"
STATIC_VERZEICHNIS = Path(settings.BASE_DIR, "static").resolve()


class NetzwerkzugriffVerweigert(Exception):
    pass


def _pruefen(url: str) -> None:
    if url.startswith("data:"):
        return
    teile = urlparse(url)
    if teile.scheme == "file":
        pfad = Path(unquote(teile.path)).resolve()
        if pfad.is_relative_to(STATIC_VERZEICHNIS) and pfad.is_file():
            return
    raise NetzwerkzugriffVerweigert(f"Beim PDF-Erzeugen ist nur static/ erlaubt, nicht {url!r}.")


def _fetcher():
    from weasyprint.urls import URLFetcher

    class NurStaticFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            _pruefen(url)
            return super().fetch(url, headers)

    # A notice must never be issued without its fonts and styles: fail loudly.
    return NurStaticFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


def html_zu_pdf(html: str) -> bytes:
    """Render an HTML string to PDF/A-3a bytes (title and language come from the HTML)."""
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    try:
        dokument = weasyprint.HTML(
            string=html, base_url=STATIC_VERZEICHNIS.as_uri() + "/", url_fetcher=_fetcher()
        )
        return dokument.write_pdf(pdf_variant=PDF_VARIANTE)
    except FatalURLFetchingError as exc:
        if isinstance(exc.__cause__, NetzwerkzugriffVerweigert):
            raise exc.__cause__ from None
        raise


def pdf_rendern(template_name: str, context: dict) -> bytes:
    """Render a Django template (extending ``pdf/basis.html``) to PDF/A-3a bytes."""
    context = {"portal_name": settings.PORTAL_NAME, **context}
    return html_zu_pdf(render_to_string(template_name, context))

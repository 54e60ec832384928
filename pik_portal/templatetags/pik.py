from django import template

from pik_portal import markdown as pik_markdown
from pik_portal import money

register = template.Library()


@register.filter
def euro(betrag):
    """``{{ betrag|euro }}`` → ``1.234,56 €``."""
    return money.euro(betrag)


@register.filter
def zahl(wert, stellen=2):
    """``{{ vzae|zahl:2 }}`` → ``0,75``."""
    return money.zahl_formatieren(wert, int(stellen))


@register.filter
def markdown(text):
    return pik_markdown.markdown_zu_html(text)


@register.simple_tag(takes_context=True)
def query_mit(context, **params):
    """The current query string with some parameters replaced (for paging and sorting)."""
    query = context["request"].GET.copy()
    for key, value in params.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + query.urlencode() if query else "?"

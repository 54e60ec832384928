"""Markdown written by caseworkers, rendered to HTML and sanitised with nh3."""

import markdown as md
import nh3
from django.utils.safestring import mark_safe

ERLAUBTE_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "abbr",
}
ERLAUBTE_ATTRIBUTE = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}


def markdown_zu_html(text: str) -> str:
    """Markdown → safe HTML: no scripts, no event handlers, only http(s)/mailto links."""
    roh = md.markdown(text or "", extensions=["extra", "sane_lists"], output_format="html")
    sauber = nh3.clean(
        roh,
        tags=ERLAUBTE_TAGS,
        attributes=ERLAUBTE_ATTRIBUTE,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(sauber)  # noqa: S308 - sanitised by nh3 just above

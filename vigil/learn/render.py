"""Lesson Markdown to safe HTML.

Markdown is parsed with raw HTML switched off, then the HTML is cleaned by an
allow-list sanitiser (nh3, Ammonia): two independent layers, so a trainer's
account that is taken over cannot put a script on a page learners open.
Images may only come from this site: a learner's browser never asks another
server for anything.
"""

from functools import lru_cache, partial

import nh3
from markdown_it import MarkdownIt

TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
# How a lesson names one of its course's uploaded pictures.
COURSE_IMAGES = "images/"
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"style"},
    "td": {"style"},
}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def _local_images_only(element, attribute, value, images_at=""):
    if element == "img" and attribute == "src":
        if images_at and value.startswith(COURSE_IMAGES):
            value = images_at + value.removeprefix(COURSE_IMAGES)
        # Same-site paths only ("/..." but not "//host/..."): no outside request.
        return value if value.startswith("/") and not value.startswith("//") else None
    if attribute == "style":
        # Table alignment is the only style markdown-it writes.
        return (
            value if value in {"text-align:left", "text-align:center", "text-align:right"} else None
        )
    return value


@lru_cache(maxsize=256)
def markdown_to_html(text: str, images_at: str = "") -> str:
    """Safe HTML; `images/<name>` pictures point at `images_at` (the course's images)."""
    html = _parser().render(text)
    # The lesson title is the page's h1: lesson headings start one level below.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=partial(_local_images_only, images_at=images_at),
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )

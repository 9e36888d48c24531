"""Possible matches on a child's page, loaded here so the child view needs no change."""

from django import template

from vigil.tracing.access import candidates_about
from vigil.tracing.disclosure import describe_all
from vigil.tracing.forms import ReviewForm

register = template.Library()


@register.inclusion_tag("tracing/possible_matches.html", takes_context=True)
def possible_matches(context, child, person):
    """The child's pending candidates this person may review; the child page checked access."""
    request = context.get("request")
    return {
        "views": describe_all(person, candidates_about(person, child)),
        "review_form": ReviewForm(),
        "next": request.get_full_path() if request is not None else "",
        "csrf_token": context.get("csrf_token"),
    }

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def figure(value):
    """A figure to read: two decimals below 10, none above; "no data" for None, never 0."""
    if value is None:
        return format_html('<span class="missing">{}</span>', _("no data"))
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.2f}" if abs(value) < 10 else f"{value:,.0f}"


@register.filter
def may_see_insights(person) -> bool:
    """For the staff menu: `{% if request.user|may_see_insights %}`."""
    from vigil.insights.access import may_see_insights as allowed

    return allowed(person)

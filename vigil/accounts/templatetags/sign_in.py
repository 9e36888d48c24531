from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def whole_minutes(delta: timedelta) -> int:
    """A wait rounded up to whole minutes: 'try again in 0 minutes' helps nobody."""
    seconds = int(delta.total_seconds())
    return max(1, -(-seconds // 60))

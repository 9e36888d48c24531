from django import template

register = template.Library()


@register.filter
def tr(obj, field: str) -> str:
    """An instrument text in the active language, English when untranslated."""
    return obj.text(field)

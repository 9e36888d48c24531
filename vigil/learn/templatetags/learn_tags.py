from django import template

from vigil.learn.access import is_trainer

register = template.Library()


@register.filter
def in_language(texts, language):
    """A {language: text} value in one language, else any language it has."""
    if not isinstance(texts, dict):
        return ""
    return texts.get(language) or next((text for text in texts.values() if text), "")


@register.filter
def may_train(person):
    return person.is_authenticated and is_trainer(person)

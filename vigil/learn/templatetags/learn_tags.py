from django import template

from vigil.learn import content
from vigil.learn.access import is_trainer

register = template.Library()


register.filter("in_language", content.in_language)


@register.filter
def may_train(person):
    return person.is_authenticated and is_trainer(person)

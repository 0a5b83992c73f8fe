from django import template

from subsidies.money import euros

register = template.Library()


@register.filter(name="euros")
def euros_filter(cents):
    return euros(cents)

from django import template
from django.utils.safestring import SafeString

from msp.board.charts import bar_chart as draw
from msp.board.report import Figure

register = template.Library()


@register.simple_tag
def bar_chart(figure: Figure) -> SafeString:
    return draw(figure)

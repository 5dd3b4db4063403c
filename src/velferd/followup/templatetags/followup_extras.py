from django import template

register = template.Library()


@register.filter
def get_count(counts: dict[str, int], flag: str) -> int:
    """counts|get_count:flag — a flag's count in the portfolio's counts."""
    return counts.get(flag, 0)


@register.filter
def label_of(labels: dict[str, str], value: str | None) -> str:
    """labels|label_of:value — the label of a choice, or a dash."""
    return labels.get(value or "", "–")

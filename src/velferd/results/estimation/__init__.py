"""Effect estimation: pure computation on columns of numbers, no Django, no personal data."""

from .errors import EstimationError as EstimationError
from .estimator import estimate as estimate
from .serialise import effect_line as effect_line, estimates_to_dict as estimates_to_dict
from .types import (
    Balance as Balance,
    Estimates as Estimates,
    GroupEffect as GroupEffect,
    Overlap as Overlap,
    PolicyGain as PolicyGain,
    PolicyNode as PolicyNode,
    Question as Question,
)

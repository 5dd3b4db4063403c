"""What the people domain tells the others, without depending on them.

`person_moved` is sent inside the transaction of the move, when a new residence puts the
person under another office: arguments `actor`, `person`, `from_office`, `to_office`.
"""

from django.dispatch import Signal

person_moved = Signal()

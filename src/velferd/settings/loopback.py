"""The production settings on loopback with the demo data set (make scale-demo, the load and
fault runs under bench/): synthetic identity numbers are allowed, as in the demo; all else is
production's, read from the same environment."""

from .production import *  # noqa: F403

VELFERD_ALLOW_SYNTHETIC_IDS = True

"""CI: the test settings, with nothing left to chance from the environment."""

from .test import *  # noqa: F403

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine

# Monday 1 March 2027, 10:00 in Amsterdam: every "in the past" check is against this day.
NU = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def bevroren_tijd() -> Iterator[None]:
    with time_machine.travel(NU, tick=False):
        yield

"""A plain progress bar on stderr (no extra dependency): label, bar, count, rate."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Voortgang:
    """On a terminal: one line redrawn a few times per second. Otherwise (a log file): a line
    every 30 seconds and one when done."""

    stil: bool = False

    def __init__(self, label: str, totaal: int, uit: TextIO | None = None) -> None:
        self.label = label
        self.totaal = max(totaal, 1)
        self.gedaan = 0
        self.begin = time.perf_counter()
        self.laatst = self.begin
        self.uit = uit or sys.stderr
        self.terminal = self.uit.isatty()

    def stap(self, n: int) -> None:
        self.gedaan += n
        nu = time.perf_counter()
        if self.stil or nu - self.laatst < (0.25 if self.terminal else 30):
            return
        self.laatst = nu
        self._teken("\r" if self.terminal else "", "" if self.terminal else "\n")

    def _teken(self, begin: str, einde: str = "") -> None:
        deel = min(self.gedaan / self.totaal, 1.0)
        balk = "#" * int(deel * 30)
        duur = time.perf_counter() - self.begin
        tempo = self.gedaan / duur if duur > 0 else 0.0
        self.uit.write(
            f"{begin}{self.label:<28} [{balk:<30}] {self.gedaan:>10,}/{self.totaal:,} "
            f"{tempo:>9,.0f}/s {duur:6.0f} s{einde}"
        )
        self.uit.flush()

    def klaar(self) -> None:
        if not self.stil:
            self._teken("\r" if self.terminal else "", "\n")

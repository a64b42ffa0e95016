"""The CSV reader never crashes: whatever the text, it returns rows or Dutch reasons, and never
both (a file with any problem yields no rows to import)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from uitvoerbaar.dienstverlening import csvimport

EENHEDEN = {"doorlooptijd": "dagen", "score": "score"}
KOP = "periode;budget;fte;volume;doorlooptijd (dagen);score (score)"

cel = st.one_of(
    st.text(alphabet="0123456789-.,;eE+ KQnaif\"'", max_size=12),
    st.sampled_from(["", "2024-01", "2024-K3", "-1", "1e309", "nan", "inf", "1,5", "1.000,5"]),
)
rij = st.lists(cel, min_size=0, max_size=8).map(";".join)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_rows_or_reasons(tekst: str) -> None:
    uitkomst = csvimport.lees(tekst, indicatoren=EENHEDEN)
    assert uitkomst.fouten or uitkomst.regels
    for fout in uitkomst.fouten:
        assert str(fout).startswith(f"Rij {fout.rij}: ") and fout.rij >= 1


@settings(max_examples=300, deadline=None)
@given(st.lists(rij, min_size=1, max_size=6))
def test_rows_under_a_good_header_are_all_checked(rijen: list[str]) -> None:
    uitkomst = csvimport.lees("\n".join([KOP, *rijen]), indicatoren=EENHEDEN)
    if uitkomst.fouten:
        return
    for regel in uitkomst.regels:
        assert regel.budget >= 0 and regel.fte >= 0 and regel.volume >= 0
        assert all(1 <= w <= 10 for c, w in regel.waarden.items() if c == "score")
        assert all(w >= 0 for c, w in regel.waarden.items() if c == "doorlooptijd")

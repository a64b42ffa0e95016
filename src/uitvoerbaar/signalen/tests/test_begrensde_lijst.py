"""Long lists count up to a bound (core.paginering): below it the count is exact, above it the
page says "meer dan …", the API says count_begrensd, and every row stays reachable. The menu
count stops at 99+. Shown on the signal list, the signal API and the inbox count; the
bound is made small here (in production 1,000 rows, 99 in the menu)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.paginator import EmptyPage
from django.test import Client

from uitvoerbaar.api.pagination import BegrensdePaginering
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core import context_processors
from uitvoerbaar.core.paginering import BegrensdePaginator
from uitvoerbaar.signalen import services, views
from uitvoerbaar.signalen.models import Signaal

from .conftest import Wereld

pytestmark = pytest.mark.django_db


@pytest.fixture
def vijf(wereld: Wereld, meld: Callable[..., services.Melding]) -> list[int]:
    return [meld(titel=f"Signaal nummer {i}").signaal.pk for i in range(5)]


@pytest.fixture
def grens_drie(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BegrensdePaginator, "grens", 3)


def test_below_the_bound_the_count_is_exact_and_pages_end(vijf: list[int]) -> None:
    paginator = BegrensdePaginator(Signaal.objects.order_by("pk"), 2)
    assert (paginator.count, paginator.afgekapt, paginator.num_pages) == (5, False, 3)
    assert paginator.page(3).has_next() is False
    with pytest.raises(EmptyPage):
        paginator.page(4)


def test_above_the_bound_every_row_stays_reachable(vijf: list[int], grens_drie: None) -> None:
    paginator = BegrensdePaginator(Signaal.objects.order_by("pk"), 2)
    assert (paginator.count, paginator.afgekapt) == (3, True)
    gezien = []
    nummer = 1
    while True:
        pagina = paginator.page(nummer)
        gezien += [s.pk for s in pagina.object_list]
        if not pagina.has_next():
            break
        nummer += 1
    assert gezien == sorted(vijf)
    with pytest.raises(EmptyPage):
        paginator.page(nummer + 1)
    # A page number past the rows falls back to a page that exists, as Django's own does.
    assert paginator.get_page(99).object_list
    assert paginator.get_page("x").number == 1


def test_the_signal_list_says_more_than_the_bound(
    client: Client,
    wereld: Wereld,
    vijf: list[int],
    grens_drie: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(views, "PER_PAGINA", 2)
    c = ingelogd(client, wereld.behandelaar)
    html = c.get("/signalen/").content.decode()
    assert "Meer dan 3 signalen" in html
    assert "Volgende pagina" in html and "Pagina 1" in html and "Pagina 1 van" not in html
    laatste = c.get("/signalen/?pagina=3").content.decode()
    assert "Signaal nummer 0" in laatste and "Volgende pagina" not in laatste


def test_the_signal_list_counts_exactly_below_the_bound(
    client: Client, wereld: Wereld, vijf: list[int]
) -> None:
    html = ingelogd(client, wereld.behandelaar).get("/signalen/").content.decode()
    assert "5 signalen" in html and "Meer dan" not in html


def test_the_api_marks_a_bounded_count_and_links_on(
    client: Client,
    wereld: Wereld,
    vijf: list[int],
    grens_drie: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(BegrensdePaginering, "page_size", 2)
    c = ingelogd(client, wereld.behandelaar)
    alle = []
    pagina = c.get("/api/v1/signalen").json()
    assert (pagina["count"], pagina["count_begrensd"]) == (3, True)
    while True:
        alle += [s["id"] for s in pagina["results"]]
        if not pagina["next"]:
            break
        pagina = c.get(pagina["next"]).json()
        assert pagina["count_begrensd"] is True
    assert sorted(alle) == sorted(vijf) and len(alle) == 5
    voorbij = c.get("/api/v1/signalen?page=99")
    assert voorbij.status_code == 404
    assert voorbij["Content-Type"].startswith("application/problem+json")


def test_the_menu_count_stops_at_its_bound(
    client: Client, wereld: Wereld, vijf: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each named signal asks the handlers for an acknowledgement (a response request)."""
    c = ingelogd(client, wereld.behandelaar)
    assert "Te beantwoorden (5)" in c.get("/start/").content.decode()
    monkeypatch.setattr(context_processors, "MENU_GRENS", 3)
    assert "Te beantwoorden (3+)" in c.get("/start/").content.decode()

"""The beleid screens over HTTP: the forms put the services' Dutch errors next to the field
(400) and change nothing; the wrong role or organisation gets 403; the public pages and the
open data need no login and show toets, promise flag and teruggave."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.test import Client

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.responsplicht import services as rp
from uitvoerbaar.responsplicht.constants import WooGrond

from .. import services
from ..constants import Haalbaarheid, Opdrachtstatus, Stapstatus, Teruggavereden
from ..models import Beleidsvoorstel, Betrokkenheid, Opdracht, Teruggave, Uitvoeringstoets
from .conftest import TOETS_VELDEN, Wereld

pytestmark = pytest.mark.django_db


def _html(response: Any) -> str:
    return str(response.content.decode())


# --- proposals ---------------------------------------------------------------------------------


def test_a_policy_officer_makes_a_proposal_in_the_form(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.beleidsmaker)
    response = client.get("/beleid/nieuw/")
    assert response.status_code == 200
    response = client.post(
        "/beleid/nieuw/",
        {
            "titel": "Eenvoudiger bijstand",
            "samenvatting": "Minder regels.",
            "ministerie": wereld.ministerie.pk,
            "beleidsteam": wereld.team.pk,
            "betrokken": [wereld.uitvoerder.pk, wereld.gemeente.pk],
            "stappen": "Verkenning\n*Opties\nBesluit",
        },
    )
    voorstel = Beleidsvoorstel.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/beleid/{voorstel.pk}/"
    assert [(s.naam, s.sleutelstap) for s in voorstel.stappen.all()] == [
        ("Verkenning", False),
        ("Opties", True),
        ("Besluit", False),
    ]


def test_the_proposal_form_shows_errors_next_to_the_field_and_saves_nothing(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.beleidsmaker)
    response = client.post(
        "/beleid/nieuw/", {"titel": "", "samenvatting": "", "ministerie": wereld.ministerie.pk}
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert "Geef het voorstel een titel." in form.errors["titel"]
    assert "betrokken" in form.errors
    assert 'id="id_titel_error"' in _html(response)
    assert not Beleidsvoorstel.objects.exists()


@pytest.mark.parametrize("wie", ["bestuur", "beleidsmaker_elders"])
def test_others_cannot_make_a_proposal_for_this_ministry(
    client: Client, wereld: Wereld, wie: str
) -> None:
    ingelogd(client, getattr(wereld, wie))
    response = client.post(
        "/beleid/nieuw/",
        {
            "titel": "X",
            "samenvatting": "Y",
            "ministerie": wereld.ministerie.pk,
            "betrokken": [wereld.uitvoerder.pk],
        },
    )
    # The executor has no policy role at all (403); the other ministry's officer cannot
    # choose this ministry (the field refuses it).
    assert response.status_code in (400, 403)
    assert not Beleidsvoorstel.objects.exists()


def test_the_gate_refuses_in_the_screen_and_the_explanation_opens_it(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    services.advance_stap(voorstel=voorstel, door=wereld.beleidsmaker)
    ingelogd(client, wereld.beleidsmaker)
    url = f"/beleid/{voorstel.pk}/"
    pagina = client.get(url)
    assert pagina.status_code == 200
    assert 'data-testid="poort"' in _html(pagina)
    response = client.post(f"{url}volgende-stap/")
    assert response.status_code == 400
    assert "Inbreng ontbreekt van" in _html(response)
    assert services.huidige_stap(voorstel).naam == "Probleemanalyse"  # type: ignore[union-attr]
    for b in Betrokkenheid.objects.filter(stap__voorstel=voorstel, stap__status=Stapstatus.ACTIEF):
        leeg = client.post(f"{url}uitleg/{b.pk}/", {f"uitleg-{b.pk}-uitleg": ""})
        assert leeg.status_code == 400
        assert f'id="id_uitleg-{b.pk}-uitleg_error"' in _html(leeg)
        ok = client.post(
            f"{url}uitleg/{b.pk}/", {f"uitleg-{b.pk}-uitleg": "De termijn van de Kamer dwingt."}
        )
        assert ok.status_code == 302
    assert client.post(f"{url}volgende-stap/").status_code == 302
    assert services.huidige_stap(voorstel).naam == "Beleidsopties"  # type: ignore[union-attr]
    # The explanation is public.
    client.logout()
    publiek = client.get(f"/openbaar/beleid/voorstellen/{voorstel.pk}/")
    assert publiek.status_code == 200
    assert "De termijn van de Kamer dwingt." in _html(publiek)


@pytest.mark.parametrize("wie", ["behandelaar", "beleidsmaker_elders"])
def test_only_the_owning_ministry_advances_or_explains_in_the_screen(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel], wie: str
) -> None:
    voorstel = maak_voorstel()
    ingelogd(client, getattr(wereld, wie))
    assert client.post(f"/beleid/{voorstel.pk}/volgende-stap/").status_code == 403
    assert (
        client.post(
            f"/beleid/{voorstel.pk}/beloften/", {"belofte-soort": "wel", "belofte-tekst": "X"}
        ).status_code
        == 403
    )
    assert services.huidige_stap(voorstel).naam == "Verkenning"  # type: ignore[union-attr]
    assert not voorstel.beloften.exists()


def test_anonymous_people_are_sent_to_login_for_the_work_pages(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    for url in ("/beleid/", f"/beleid/{voorstel.pk}/", "/beleid/nieuw/"):
        response = client.get(url)
        assert response.status_code == 302
        assert f"next={url}" in response["Location"].replace("%2F", "/")


# --- toetsen ------------------------------------------------------------------------------------


def _toets_post(voorstel: Beleidsvoorstel, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        k: v for k, v in TOETS_VELDEN.items() if k not in ("invoeringsdatum_haalbaar",)
    }
    data["vroegst_haalbare_datum"] = "2027-07-01"
    data["invoeringsdatum_haalbaar"] = "nee"
    data["voorwaarden"] = "Invoering op 1 juli 2027.\nGeld voor ICT."
    for b in voorstel.beloften.all():
        data[f"bevinding_{b.pk}"] = Haalbaarheid.NIET_HAALBAAR
        data[f"bevinding_{b.pk}_toelichting"] = "Dat lukt niet in vier weken."
    data.update(extra)
    return data


def test_the_executor_writes_and_publishes_its_toets_and_the_flag_shows_in_public(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    services.add_belofte(
        voorstel=voorstel, door=wereld.beleidsmaker, soort="wel", tekst="Besluit in 4 weken."
    )
    ingelogd(client, wereld.behandelaar)
    url = f"/beleid/{voorstel.pk}/toets/tu/"
    assert client.get(url).status_code == 200
    assert 'data-testid="toets-schrijven"' in _html(client.get(f"/beleid/{voorstel.pk}/"))
    concept = client.post(url, {**_toets_post(voorstel), "opslaan": "1"})
    assert concept.status_code == 302
    assert Uitvoeringstoets.objects.get().status == "concept"
    # Incomplete: the error is next to the field and it stays a draft.
    fout = client.post(url, {**_toets_post(voorstel), "doenvermogen": "", "publiceren": "1"})
    assert fout.status_code == 400
    assert 'id="id_doenvermogen_error"' in _html(fout)
    assert Uitvoeringstoets.objects.get().status == "concept"
    ok = client.post(url, {**_toets_post(voorstel), "publiceren": "1"})
    assert ok.status_code == 302
    toets = Uitvoeringstoets.objects.get()
    assert toets.status == "gepubliceerd" and toets.voorwaarden.count() == 2
    client.logout()
    publiek = _html(client.get(f"/openbaar/beleid/uitvoeringstoetsen/{toets.pk}/"))
    assert "Uitvoerbaar onder voorwaarden" in publiek
    assert "Invoering op 1 juli 2027." in publiek
    voorstelpagina = _html(client.get(f"/openbaar/beleid/voorstellen/{voorstel.pk}/"))
    assert 'data-testid="belofte-vlag"' in voorstelpagina
    lijst = _html(client.get("/openbaar/beleid/"))
    assert 'data-testid="vlag-beloften"' in lijst


@pytest.mark.parametrize("wie", ["bestuur_andere", "medewerker"])
def test_another_organisation_or_role_cannot_write_the_toets(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel], wie: str
) -> None:
    voorstel = maak_voorstel()
    ingelogd(client, getattr(wereld, wie))
    response = client.post(f"/beleid/{voorstel.pk}/toets/tu/", _toets_post(voorstel))
    assert response.status_code == 403
    assert not Uitvoeringstoets.objects.exists()


def test_a_draft_toets_is_not_public(
    client: Client,
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    toets = maak_toets(maak_voorstel(), publiceren=False)
    assert client.get(f"/openbaar/beleid/uitvoeringstoetsen/{toets.pk}/").status_code == 404
    data = json.loads(client.get("/openbaar/beleid/uitvoeringstoetsen.json").content)
    assert data == {"uitvoeringstoetsen": []}


def test_open_data_has_every_published_toets_negative_ones_too(
    client: Client,
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    voorstel = maak_voorstel()
    maak_toets(voorstel, velden={"oordeel": "niet_uitvoerbaar"})
    response = client.get("/openbaar/beleid/uitvoeringstoetsen.json")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    [record] = json.loads(response.content)["uitvoeringstoetsen"]
    assert record["oordeel"] == "niet_uitvoerbaar"
    assert record["uitvoerder"] == "Testuitvoering"
    assert record["voorwaarden"] == [{"tekst": "Invoering op 1 juli 2027.", "antwoord": None}]
    assert record["vroegst_haalbare_datum"] == "2027-07-01"
    rijen = list(
        csv.DictReader(
            io.StringIO(client.get("/openbaar/beleid/uitvoeringstoetsen.csv").content.decode())
        )
    )
    assert len(rijen) == 1 and rijen[0]["oordeel"] == "niet_uitvoerbaar"
    assert rijen[0]["kosten_eenmalig"] == "2000000"


# --- assignments ---------------------------------------------------------------------------------


def test_the_board_hands_back_in_the_screen_and_the_public_page_shows_it(
    client: Client, wereld: Wereld, maak_opdracht: Callable[..., Opdracht]
) -> None:
    opdracht = maak_opdracht()
    ingelogd(client, wereld.bestuur)
    url = f"/beleid/opdrachten/{opdracht.pk}/"
    assert 'id="form-teruggave"' in _html(client.get(url))
    fout = client.post(
        f"{url}teruggeven/",
        {"teruggave-reden": Teruggavereden.STRIJDIG, "teruggave-toelichting": "Botst."},
    )
    assert fout.status_code == 400
    assert 'id="id_teruggave-beginselen_error"' in _html(fout)
    assert not Teruggave.objects.exists()
    ok = client.post(
        f"{url}teruggeven/",
        {
            "teruggave-reden": Teruggavereden.STRIJDIG,
            "teruggave-toelichting": "Botst met evenredigheid.",
            "teruggave-beginselen": [wereld.beginsel.pk],
        },
    )
    assert ok.status_code == 302
    opdracht.refresh_from_db()
    assert opdracht.status == Opdrachtstatus.OPGESCHORT
    client.logout()
    publiek = _html(client.get(f"/openbaar/beleid/opdrachten/{opdracht.pk}/"))
    assert "Botst met evenredigheid." in publiek
    assert "Wacht op antwoord van het ministerie" in publiek
    assert "Ministerie van Test (ambtelijke top)" in publiek


def test_a_withheld_return_shows_only_its_woo_ground_in_public(
    client: Client, wereld: Wereld, maak_opdracht: Callable[..., Opdracht]
) -> None:
    opdracht = maak_opdracht()
    teruggave = services.return_opdracht(
        opdracht=opdracht,
        door=wereld.bestuur,
        reden=Teruggavereden.MIDDELEN,
        toelichting="Interne planning die niet openbaar mag.",
    )
    rp.withhold_publication(
        verzoek=teruggave.verzoek,
        door=wereld.top,
        grond=WooGrond.PERSOONLIJKE_BELEIDSOPVATTINGEN,
        toelichting="Intern beraad.",
    )
    publiek = _html(client.get(f"/openbaar/beleid/opdrachten/{opdracht.pk}/"))
    assert "Interne planning" not in publiek
    assert 'data-testid="teruggave-woo"' in publiek
    assert "art. 5.2 Woo" in publiek


@pytest.mark.parametrize("wie", ["beleidsmaker", "behandelaar", "bestuur_andere"])
def test_only_the_executors_board_hands_back_in_the_screen(
    client: Client, wereld: Wereld, maak_opdracht: Callable[..., Opdracht], wie: str
) -> None:
    opdracht = maak_opdracht()
    ingelogd(client, getattr(wereld, wie))
    response = client.post(
        f"/beleid/opdrachten/{opdracht.pk}/teruggeven/",
        {"teruggave-reden": Teruggavereden.MIDDELEN, "teruggave-toelichting": "Geen geld."},
    )
    assert response.status_code in (403, 404)
    assert not Teruggave.objects.exists()


def test_an_assignment_is_hidden_from_organisations_not_concerned(
    client: Client, wereld: Wereld, maak_opdracht: Callable[..., Opdracht]
) -> None:
    opdracht = maak_opdracht()
    ingelogd(client, wereld.bestuur_andere)
    assert client.get(f"/beleid/opdrachten/{opdracht.pk}/").status_code == 404


def test_the_ministry_changes_an_assignment_in_the_screen(
    client: Client, wereld: Wereld, maak_opdracht: Callable[..., Opdracht]
) -> None:
    opdracht = maak_opdracht()
    ingelogd(client, wereld.beleidsmaker)
    fout = client.post(
        f"/beleid/opdrachten/{opdracht.pk}/wijzigen/",
        {"wijzig-omschrijving": "", "wijzig-deadline": "2020-01-01", "wijzig-budget": "-1"},
    )
    assert fout.status_code == 400
    ok = client.post(
        f"/beleid/opdrachten/{opdracht.pk}/wijzigen/",
        {
            "wijzig-omschrijving": "Alleen voor nieuwe aanvragen.",
            "wijzig-deadline": opdracht.deadline.isoformat(),
            "wijzig-budget": "3000000",
        },
    )
    assert ok.status_code == 302
    opdracht.refresh_from_db()
    assert (opdracht.omschrijving, opdracht.budget) == ("Alleen voor nieuwe aanvragen.", 3_000_000)


def test_the_track_record_page_is_public(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    maak_voorstel()
    response = client.get("/openbaar/beleid/trackrecord/")
    assert response.status_code == 200
    assert "Directie Testbeleid" in _html(response)
    assert "<meter" in _html(response)


def test_a_planned_step_is_configured_in_the_screen(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    consultatie = voorstel.stappen.get(naam="Consultatie")
    url = f"/beleid/{voorstel.pk}/stappen/{consultatie.pk}/"
    ingelogd(client, wereld.behandelaar)
    assert client.post(url, {f"stap-{consultatie.pk}-sleutelstap": "on"}).status_code == 403
    ingelogd(client, wereld.beleidsmaker)
    assert f'id="form-stap-{consultatie.pk}"' in _html(client.get(f"/beleid/{voorstel.pk}/"))
    leeg = client.post(url, {f"stap-{consultatie.pk}-sleutelstap": "on"})
    assert leeg.status_code == 400
    assert f'id="id_stap-{consultatie.pk}-organisaties_error"' in _html(leeg)
    ok = client.post(
        url,
        {
            f"stap-{consultatie.pk}-sleutelstap": "on",
            f"stap-{consultatie.pk}-organisaties": [wereld.gemeente.pk],
        },
    )
    assert ok.status_code == 302
    consultatie.refresh_from_db()
    assert consultatie.sleutelstap
    assert [b.organisatie for b in consultatie.betrokkenen.all()] == [wereld.gemeente]
    verkenning = voorstel.stappen.get(naam="Verkenning")
    gestart = client.post(
        f"/beleid/{voorstel.pk}/stappen/{verkenning.pk}/",
        {f"stap-{verkenning.pk}-sleutelstap": "on"},
    )
    assert gestart.status_code == 400
    verkenning.refresh_from_db()
    assert not verkenning.sleutelstap


def test_silence_past_the_term_shows_on_the_public_proposal(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    services.advance_stap(voorstel=voorstel, door=wereld.beleidsmaker)
    url = f"/openbaar/beleid/voorstellen/{voorstel.pk}/"
    assert 'data-testid="te-laat"' not in _html(client.get(url))
    b = Betrokkenheid.objects.filter(stap__voorstel=voorstel, stap__status="actief").first()
    assert b is not None and b.verzoek is not None
    later = b.verzoek.uiterste_datum + dt.timedelta(days=1)
    with time_machine.travel(dt.datetime(later.year, later.month, later.day, 12, tzinfo=dt.UTC)):
        assert _html(client.get(url)).count('data-testid="te-laat"') == 2


def test_the_toets_carries_the_four_perspectives_and_shows_the_gaps(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    ingelogd(client, wereld.behandelaar)
    url = f"/beleid/{voorstel.pk}/toets/tu/"
    zorgen_zonder_uitleg = client.post(
        url,
        {
            **_toets_post(voorstel),
            "perspectief-juridisch_oordeel": "zorgen",
            "perspectief-juridisch_toelichting": "",
            "opslaan": "1",
        },
    )
    assert zorgen_zonder_uitleg.status_code == 400
    assert 'id="id_perspectief-juridisch_toelichting_error"' in _html(zorgen_zonder_uitleg)
    assert not Uitvoeringstoets.objects.exists()
    ok = client.post(
        url,
        {
            **_toets_post(voorstel),
            "perspectief-juridisch_oordeel": "zorgen",
            "perspectief-juridisch_toelichting": "De wet laat geen overgang toe.",
            "perspectief-burger_oordeel": "ernstige_zorgen",
            "perspectief-burger_toelichting": "Mensen raken hun uitkering kwijt.",
            "publiceren": "1",
        },
    )
    assert ok.status_code == 302
    toets = Uitvoeringstoets.objects.get()
    assert toets.perspectieven is not None
    assert [p.value for p in toets.perspectieven.ontbrekende_perspectieven()] == [
        "financieel",
        "professioneel",
    ]
    client.logout()
    publiek = _html(client.get(f"/openbaar/beleid/uitvoeringstoetsen/{toets.pk}/"))
    assert "De wet laat geen overgang toe." in publiek
    assert 'data-perspectief="financieel" data-ontbreekt="true"' in publiek


def test_the_ministry_involves_another_organisation_in_the_screen(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel(betrokken=[wereld.uitvoerder])
    ingelogd(client, wereld.beleidsmaker)
    url = f"/beleid/{voorstel.pk}/betrokkenen/"
    leeg = client.post(url, {"betrokkene-organisatie": ""})
    assert leeg.status_code == 400
    assert 'id="id_betrokkene-organisatie_error"' in _html(leeg)
    ok = client.post(url, {"betrokkene-organisatie": wereld.gemeente.pk})
    assert ok.status_code == 302
    assert voorstel.betrokken_organisaties.filter(pk=wereld.gemeente.pk).exists()
    ingelogd(client, wereld.behandelaar)
    geweigerd = client.post(url, {"betrokkene-organisatie": wereld.andere_uitvoerder.pk})
    assert geweigerd.status_code == 403
    assert not voorstel.betrokken_organisaties.filter(pk=wereld.andere_uitvoerder.pk).exists()


def test_the_overview_puts_the_proposals_of_ones_own_organisation_first(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    eigen = maak_voorstel(titel="Met de gemeente", betrokken=[wereld.gemeente])
    ander = maak_voorstel(titel="Zonder de gemeente", betrokken=[wereld.uitvoerder])
    ingelogd(client, wereld.behandelaar_gemeente)
    response = client.get("/beleid/")
    assert [v.pk for v in response.context["eigen_voorstellen"]] == [eigen.pk]
    assert {v.pk for v in response.context["voorstellen"]} == {eigen.pk, ander.pk}


def test_the_ministry_finishes_an_assignment_in_the_screen(
    client: Client, wereld: Wereld, maak_opdracht: Callable[..., Opdracht]
) -> None:
    opdracht = maak_opdracht()
    url = f"/beleid/opdrachten/{opdracht.pk}/afronden/"
    ingelogd(client, wereld.bestuur)
    assert client.post(url).status_code == 403
    ingelogd(client, wereld.beleidsmaker)
    assert 'id="form-afronden"' in _html(client.get(f"/beleid/opdrachten/{opdracht.pk}/"))
    assert client.post(url).status_code == 302
    opdracht.refresh_from_db()
    assert opdracht.status == Opdrachtstatus.AFGEROND
    nogmaals = client.post(url)
    assert nogmaals.status_code == 400
    assert "kan nu niet worden afgerond" in _html(nogmaals)


def test_open_data_csv_carries_no_formulas(
    client: Client,
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    maak_toets(maak_voorstel(), velden={"samenvatting": '=HYPERLINK("http://x")'})
    inhoud = client.get("/openbaar/beleid/uitvoeringstoetsen.csv").content.decode()
    [rij] = list(csv.DictReader(io.StringIO(inhoud)))
    assert rij["samenvatting"] == '\'=HYPERLINK("http://x")'


def test_the_executor_sees_that_its_input_is_asked(
    client: Client, wereld: Wereld, maak_voorstel: Callable[..., Beleidsvoorstel]
) -> None:
    voorstel = maak_voorstel()
    url = f"/beleid/{voorstel.pk}/"
    ingelogd(client, wereld.behandelaar)
    assert 'data-testid="mijn-inbreng"' not in _html(client.get(url))  # verkenning asks nobody
    services.advance_stap(voorstel=voorstel, door=wereld.beleidsmaker)
    pagina = _html(client.get(url))
    assert pagina.count('data-testid="mijn-inbreng"') == 1
    b = Betrokkenheid.objects.get(
        stap__voorstel=voorstel, stap__status="actief", organisatie=wereld.uitvoerder
    )
    assert f'href="/verzoeken/{b.verzoek.pk}/"' in pagina  # type: ignore[union-attr]
    ingelogd(client, wereld.bestuur_andere)
    assert 'data-testid="mijn-inbreng"' not in _html(client.get(url))


def test_the_ministry_sees_the_conditions_awaiting_its_answer(
    client: Client,
    wereld: Wereld,
    maak_voorstel: Callable[..., Beleidsvoorstel],
    maak_toets: Callable[..., Uitvoeringstoets],
) -> None:
    voorstel = maak_voorstel()
    toets = maak_toets(voorstel, voorwaarden=["Later invoeren.", "Meer geld."])
    ingelogd(client, wereld.beleidsmaker)
    url = f"/beleid/{voorstel.pk}/"
    assert _html(client.get(url)).count('data-testid="voorwaarde-open"') == 2
    eerste = toets.voorwaarden.get(volgorde=1)
    assert eerste.verzoek is not None
    rp.answer_pas_toe(
        verzoek=eerste.verzoek,
        door=wereld.beleidsmaker,
        maatregel="Invoering per 1 juli.",
        eigenaar="Directie Testbeleid",
        datum=rp.vandaag(),
    )
    assert _html(client.get(url)).count('data-testid="voorwaarde-open"') == 1
    ingelogd(client, wereld.behandelaar)
    assert 'data-testid="voorwaarde-open"' not in _html(client.get(url))

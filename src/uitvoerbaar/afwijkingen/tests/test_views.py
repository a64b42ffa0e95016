"""The screens: the wijzer, registering, the precedent table with the equal-treatment alert,
approval by a colleague, the register with the structural proposal, aanvechtingen and
casusberaden, and the refusals (wrong role, other organisation, bad input)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.responsplicht.models import Reactieverzoek

from .. import selectors, services
from ..constants import AanvechtingBron, AfwijkingStatus
from ..models import Aanvechting, Afwijking, Casusberaad
from .conftest import CASUS, Wereld

pytestmark = pytest.mark.django_db


def _html(response: Any) -> str:
    return str(response.content.decode())


def _formulier(wereld: Wereld, **kwargs: str) -> dict[str, str]:
    data = {
        "organisatie": str(wereld.uitvoerder.pk),
        "grond": str(wereld.hardheid.pk),
        "bedoeling": "Eerlijk terugvorderen.",
        "casus": CASUS,
        "huishouden": "alleenstaande_ouder",
        "inkomensband": "onder_bijstand",
        "knelpunt": "terugvordering",
        "bedrag": "1200",
        "alternatief": "Terugbetalen in termijnen.",
        "motivering": "Volledig terugvorderen is onevenredig.",
        "beginselen": "abbb-gelijkheid",
        "perspectief-juridisch_oordeel": "geen_zorgen",
        "perspectief-financieel_oordeel": "geen_zorgen",
        "perspectief-professioneel_oordeel": "geen_zorgen",
        "perspectief-burger_oordeel": "geen_zorgen",
    }
    data.update(kwargs)
    return data


NIEUW = "/afwijkingen/nieuw/?regeling=testwet&artikel=4"


def test_wijzer_shows_grounds_principles_and_guidelines_from_data(
    client: Client, wereld: Wereld
) -> None:
    from uitvoerbaar.kennisbank.tests.factories import BeginselFactory

    BeginselFactory.create(code="abbb-evenredigheid", naam="Evenredigheid")
    services.record_casusberaad(
        door=wereld.behandelaar,
        organisatie=wereld.uitvoerder,
        regeling=wereld.regeling,
        artikel=wereld.artikel,
        datum=timezone.localdate(),
        vraag="Terugvorderen bij schulden?",
        conclusie="In termijnen.",
        richtlijn="Bij schulden altijd een betalingsregeling aanbieden.",
    )
    ingelogd(client, wereld.medewerker)
    response = client.get("/afwijkingen/wijzer/?regeling=testwet&artikel=4")
    assert response.status_code == 200
    html = _html(response)
    assert "Artikel 9 is een hardheidsclausule." in html
    assert "Onbillijkheid van overwegende aard." in html
    assert "Evenredigheid (art. 3:4 lid 2 Awb)." in html
    assert "Evenredigheid</a>" in html  # the principle at stake, from the kennisbank
    assert "Gelijkheid</a>" in html
    assert "Bij schulden altijd een betalingsregeling aanbieden." in html
    assert "/afwijkingen/nieuw/?regeling=testwet&amp;artikel=4" in html


def test_wijzer_unknown_article(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.medewerker)
    response = client.get("/afwijkingen/wijzer/?regeling=testwet&artikel=99")
    assert "kennen we niet" in _html(response)


def test_register_a_deviation_through_the_form(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.medewerker)
    assert client.get(NIEUW).status_code == 200
    response = client.post(NIEUW, _formulier(wereld))
    afwijking = Afwijking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/afwijkingen/{afwijking.pk}/"
    assert afwijking.perspectieven is not None and afwijking.perspectieven.is_compleet
    assert [b.code for b in afwijking.beginselen.all()] == ["abbb-gelijkheid"]


def test_bad_input_is_shown_next_to_the_field_and_changes_nothing(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.medewerker)
    voor = AuditEvent.objects.count()
    response = client.post(
        NIEUW,
        _formulier(wereld, grond="", motivering="", casus="BSN 111222333 staat in de brief."),
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert "grondslag" in form.errors["grond"][0]
    assert "Motiveer" in form.errors["motivering"][0]
    assert "burgerservicenummer" in form.errors["casus"][0]
    assert not Afwijking.objects.exists()
    assert AuditEvent.objects.count() == voor


def test_concern_without_explanation_lands_on_the_perspective(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.medewerker)
    response = client.post(NIEUW, _formulier(wereld, **{"perspectief-burger_oordeel": "zorgen"}))
    assert response.status_code == 400
    assert "burger_toelichting" in response.context["perspectieven"].errors
    assert not Afwijking.objects.exists()


def test_precedent_alert_motivation_and_colleague_approval(
    client: Client,
    wereld: Wereld,
    registreer: Callable[..., Afwijking],
    beslist: Callable[..., Afwijking],
) -> None:
    eerder = beslist(goedkeuren=False)
    afwijking = registreer()
    ingelogd(client, wereld.medewerker)
    pagina = _html(client.get(f"/afwijkingen/{afwijking.pk}/"))
    assert 'id="gelijkheidsalarm"' in pagina
    assert f'data-precedent="{eerder.pk}"' in pagina
    assert "Afwijken niet toegestaan" in pagina
    # Submitting without motivating the difference: refused, next to the field.
    response = client.post(f"/afwijkingen/{afwijking.pk}/indienen/", {})
    assert response.status_code == 400
    assert (
        eerder.kenmerk
        in response.context["formulieren"]["indienen"].errors["verschil_motivering"][0]
    )
    response = client.post(
        f"/afwijkingen/{afwijking.pk}/indienen/",
        {"indienen-verschil_motivering": "Hier dreigt huisuitzetting."},
    )
    assert response.status_code == 302
    # The registrant sees no approval form; posting it anyway is refused.
    assert 'id="form-beoordelen"' not in _html(client.get(f"/afwijkingen/{afwijking.pk}/"))
    response = client.post(
        f"/afwijkingen/{afwijking.pk}/beoordelen/", {"beoordelen-besluit": "goedkeuren"}
    )
    assert response.status_code == 403
    # A colleague with the approving role approves.
    ingelogd(client, wereld.behandelaar)
    assert 'id="form-beoordelen"' in _html(client.get(f"/afwijkingen/{afwijking.pk}/"))
    response = client.post(
        f"/afwijkingen/{afwijking.pk}/beoordelen/",
        {"beoordelen-besluit": "goedkeuren", "beoordelen-toelichting": "Akkoord."},
    )
    assert response.status_code == 302
    afwijking.refresh_from_db()
    assert afwijking.status == AfwijkingStatus.GOEDGEKEURD


def test_other_organisation_cannot_see_a_deviation(
    client: Client, wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    afwijking = registreer()
    ingelogd(client, wereld.behandelaar_andere)
    assert client.get(f"/afwijkingen/{afwijking.pk}/").status_code == 404
    assert list(client.get("/afwijkingen/").context["pagina"].object_list) == []
    response = client.post(
        f"/afwijkingen/{afwijking.pk}/beoordelen/", {"beoordelen-besluit": "goedkeuren"}
    )
    assert response.status_code == 404


def test_policy_maker_has_no_register(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.beleidsmaker)
    assert client.get("/afwijkingen/").status_code == 403
    assert client.get(NIEUW).status_code == 403


def test_anonymous_is_sent_to_login(client: Client, wereld: Wereld) -> None:
    response = client.get("/afwijkingen/wijzer/")
    assert response.status_code == 302
    assert "/login" in response["Location"] or "inloggen" in response["Location"]


def test_repeated_approvals_propose_an_aanvechting(
    client: Client, wereld: Wereld, beslist: Callable[..., Afwijking]
) -> None:
    eerste = [beslist(), beslist()]
    ingelogd(client, wereld.medewerker)
    assert client.get("/afwijkingen/").context["voorstellen"] == []
    derde = beslist()
    response = client.get("/afwijkingen/")
    [voorstel] = response.context["voorstellen"]
    assert voorstel.aantal == 3
    html = _html(response)
    assert "Structureel — regel aanpassen" in html
    url = "/afwijkingen/aanvechtingen/nieuw/?regeling=testwet&artikel=4&bron=structureel" + "".join(
        f"&afwijking={a.pk}" for a in [*eerste, derde]
    )
    form = client.get(url).context["form"]
    assert {a.pk for a in form.initial["afwijkingen"]} == {a.pk for a in [*eerste, derde]}
    response = client.post(
        url,
        {
            "organisatie": wereld.uitvoerder.pk,
            "titel": form.initial["titel"],
            "toelichting": "Drie keer dezelfde afwijking: pas de regel aan.",
            "afwijkingen": [a.pk for a in [*eerste, derde]],
        },
    )
    assert response.status_code == 302
    aanvechting = Aanvechting.objects.get()
    assert aanvechting.bron == AanvechtingBron.STRUCTUREEL
    assert Reactieverzoek.objects.get().ontvanger_organisatie == wereld.ministerie
    # Now running: no proposal any more.
    assert client.get("/afwijkingen/").context["voorstellen"] == []
    # The ministry's policy team sees it; another organisation does not.
    ingelogd(client, wereld.beleidsmaker)
    assert client.get(f"/afwijkingen/aanvechtingen/{aanvechting.pk}/").status_code == 200
    ingelogd(client, wereld.medewerker_andere)
    assert client.get(f"/afwijkingen/aanvechtingen/{aanvechting.pk}/").status_code == 404


def test_consistency_report_shows_unmotivated_differences(
    client: Client, wereld: Wereld, beslist: Callable[..., Afwijking]
) -> None:
    goed = beslist()
    fout = beslist(goedkeuren=False)
    ingelogd(client, wereld.behandelaar)
    response = client.get("/afwijkingen/consistentie/testwet/")
    [verschil] = response.context["verschillen"]
    assert {verschil.afwijking.pk, verschil.ander.pk} == {goed.pk, fout.pk}
    ingelogd(client, wereld.medewerker)
    assert client.get("/afwijkingen/consistentie/testwet/").status_code == 403


def test_casusberaad_through_the_form_and_search(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.medewerker)
    response = client.post(
        "/afwijkingen/casusberaden/nieuw/",
        {
            "organisatie": wereld.uitvoerder.pk,
            "regeling": wereld.regeling.pk,
            "artikel": "4",
            "datum": "2020-01-01",
            "vraag": "Terugvorderen bij mantelzorgers?",
            "conclusie": "Met mate.",
            "richtlijn": "Mantelzorgers krijgen uitstel.",
            "perspectief-juridisch_oordeel": "geen_zorgen",
            "perspectief-financieel_oordeel": "niet_beoordeeld",
            "perspectief-professioneel_oordeel": "niet_beoordeeld",
            "perspectief-burger_oordeel": "niet_beoordeeld",
        },
    )
    assert response.status_code == 302
    beraad = Casusberaad.objects.get()
    assert beraad.artikel == wereld.artikel
    response = client.get("/afwijkingen/casusberaden/?zoek=mantelzorger&richtlijnen=1")
    assert list(response.context["pagina"].object_list) == [beraad]
    response = client.get("/afwijkingen/casusberaden/?zoek=fietsen")
    assert list(response.context["pagina"].object_list) == []
    response = client.post(
        "/afwijkingen/casusberaden/nieuw/",
        {"organisatie": wereld.uitvoerder.pk, "regeling": wereld.regeling.pk, "artikel": "77"},
    )
    assert response.status_code == 400
    assert "bestaat niet" in response.context["form"].errors["artikel"][0]


def test_the_board_sets_the_thresholds(client: Client, wereld: Wereld) -> None:
    from uitvoerbaar.conftest import ingelogd as login

    pad = "/afwijkingen/instellingen/tu/"
    login(client, wereld.bestuur)
    assert pad in _html(client.get("/afwijkingen/"))
    response = client.post(pad, {"bestuur_drempel": "1000", "structureel_drempel": "1"})
    assert response.status_code == 400
    assert "2 tot en met 1000" in response.context["form"].errors["structureel_drempel"][0]
    response = client.post(
        pad, {"bestuur_drempel": "1000", "structureel_drempel": "4", "precedenten_delen": "on"}
    )
    assert response.status_code == 302
    instelling = services.instelling(wereld.uitvoerder)
    assert (instelling.bestuur_drempel, instelling.structureel_drempel) == (1000, 4)
    assert instelling.precedenten_delen
    login(client, wereld.behandelaar)
    assert client.get(pad).status_code == 403
    login(client, persoon_bestuur_andere(wereld))
    assert client.get(pad).status_code == 403


def persoon_bestuur_andere(wereld: Wereld) -> Any:
    from uitvoerbaar.core.constants import Rol
    from uitvoerbaar.core.tests.factories import persoon_met_rol

    return persoon_met_rol(Rol.BESTUUR, wereld.andere, username="bestuur_ander")


def test_menu_counts_what_waits_for_approval_and_links_the_consistency_report(
    client: Client, wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    afwijking = registreer()
    services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)
    ingelogd(client, wereld.behandelaar)
    html = _html(client.get("/afwijkingen/"))
    assert "Afwijkingen (1)" in html
    assert "/afwijkingen/consistentie/testwet/" not in html  # nothing decided yet
    services.approve_afwijking(afwijking=afwijking, door=wereld.behandelaar)
    html = _html(client.get("/afwijkingen/"))
    assert "Afwijkingen (1)" not in html
    assert "/afwijkingen/consistentie/testwet/" in html
    ingelogd(client, wereld.medewerker)
    assert "Afwijkingen (" not in _html(client.get("/afwijkingen/"))


def test_change_a_concept_through_the_form(
    client: Client, wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    afwijking = registreer()
    ingelogd(client, wereld.medewerker)
    pad = f"/afwijkingen/{afwijking.pk}/wijzigen/"
    assert pad in _html(client.get(f"/afwijkingen/{afwijking.pk}/"))
    form = client.get(pad).context["form"]
    assert form.initial["casus"] == afwijking.casus
    data = _formulier(wereld, alternatief="Kwijtschelding van de helft.")
    response = client.post(pad, data)
    assert response.status_code == 302
    afwijking.refresh_from_db()
    assert afwijking.alternatief == "Kwijtschelding van de helft."
    response = client.post(pad, _formulier(wereld, casus="Mail x@y.nl"))
    assert response.status_code == 400
    services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)
    assert client.get(pad).status_code == 302
    ingelogd(client, wereld.medewerker_andere)
    assert client.get(pad).status_code == 404


def test_above_the_threshold_the_handler_is_not_asked_to_decide(
    client: Client, wereld: Wereld, registreer: Callable[..., Afwijking]
) -> None:
    afwijking = registreer(bedrag="9000")
    services.submit_afwijking(afwijking=afwijking, door=wereld.medewerker)
    ingelogd(client, wereld.behandelaar)
    assert client.get("/afwijkingen/").context["te_beoordelen"] == []
    assert 'id="form-beoordelen"' not in _html(client.get(f"/afwijkingen/{afwijking.pk}/"))
    ingelogd(client, wereld.bestuur)
    assert [a.pk for a in client.get("/afwijkingen/").context["te_beoordelen"]] == [afwijking.pk]
    assert 'id="form-beoordelen"' in _html(client.get(f"/afwijkingen/{afwijking.pk}/"))


def test_the_unit_of_the_registrant_is_recorded(client: Client, wereld: Wereld) -> None:
    from uitvoerbaar.core.models import Lidmaatschap
    from uitvoerbaar.core.tests.factories import EenheidFactory

    eenheid = EenheidFactory.create(organisatie=wereld.uitvoerder, naam="Team Noord")
    Lidmaatschap.objects.filter(gebruiker=wereld.medewerker).update(eenheid=eenheid)
    ingelogd(client, wereld.medewerker)
    assert client.post(NIEUW, _formulier(wereld)).status_code == 302
    assert Afwijking.objects.get().eenheid == eenheid


def test_the_wijzer_compares_a_situation_with_earlier_decisions(
    client: Client, wereld: Wereld, beslist: Callable[..., Afwijking]
) -> None:
    eerder = beslist(goedkeuren=False)
    ingelogd(client, wereld.medewerker)
    pad = "/afwijkingen/wijzer/?regeling=testwet&artikel=4"
    response = client.get(pad)
    assert "gezocht" not in response.context
    assert f'data-precedent="{eerder.pk}"' not in _html(response)
    response = client.get(
        pad + "&knelpunt=terugvordering&huishouden=alleenstaande_ouder&situatie=schulden"
        "+terugvordering+onder+het+minimum&inkomensband=%00"
    )
    assert [p.afwijking.pk for p in response.context["precedenten"]] == [eerder.pk]
    assert "Afwijken niet toegestaan" in _html(response)
    ingelogd(client, wereld.beleidsmaker)
    response = client.get(pad + "&knelpunt=terugvordering")
    assert response.status_code == 200
    assert "precedenten" not in response.context


def test_structural_proposals_cost_the_same_queries_for_one_or_many(
    wereld: Wereld, beslist: Callable[..., Afwijking]
) -> None:
    """The thresholds and the deviations of every proposal are read at once, not per
    proposal (at national scale the register of the largest organisation sent 15 more)."""
    for _ in range(3):
        beslist()
    with CaptureQueriesContext(connection) as een:
        assert len(selectors.structurele_voorstellen(user=wereld.medewerker)) == 1
    for knelpunt in ("schulden", "termijn", "zorg"):
        for _ in range(3):
            beslist(knelpunt=knelpunt)
    with CaptureQueriesContext(connection) as vier:
        voorstellen = selectors.structurele_voorstellen(user=wereld.medewerker)
    assert sorted((v.knelpunt, v.aantal) for v in voorstellen) == [
        ("schulden", 3),
        ("termijn", 3),
        ("terugvordering", 3),
        ("zorg", 3),
    ]
    assert len(vier) == len(een)

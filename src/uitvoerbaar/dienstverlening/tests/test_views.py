"""Screens: who sees what, forms that refuse with the message next to the field, the import
page naming bad rows, and the keuzenota as HTML and as PDF (text checked)."""

from __future__ import annotations

import io

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.core.tests.factories import persoon_met_rol
from uitvoerbaar.dienstverlening import selectors, services
from uitvoerbaar.dienstverlening.models import Dienst, Keuzenota, Middelen, Ondergrens, Scenario

from .conftest import Wereld, synthetische_csv
from .test_services import PERSPECTIEVEN


@pytest.fixture
def nota(met_gegevens: Wereld) -> Keuzenota:
    w = met_gegevens
    laatste = w.dienst.middelen.order_by("-periode").first()
    assert laatste is not None
    gelijk = services.create_scenario(
        door=w.behandelaar,
        dienst=w.dienst,
        naam="Gelijk",
        budget=laatste.budget,
        fte=laatste.fte,
        volume=laatste.volume,
    )
    snijden = services.create_scenario(
        door=w.behandelaar,
        dienst=w.dienst,
        naam="Bezuiniging 40%",
        budget=laatste.budget * 6 / 10,
        fte=laatste.fte * 6 / 10,
        volume=laatste.volume,
    )
    services.add_waardenafweging(
        door=w.behandelaar,
        scenario=snijden,
        waarde_a="Snelheid",
        waarde_b="Zorgvuldigheid",
        afweging="Zorgvuldigheid gaat voor.",
        perspectieven=PERSPECTIEVEN,
    )
    return services.create_keuzenota(
        door=w.bestuur,
        dienst=w.dienst,
        titel="Begroting volgend jaar",
        aanleiding="Het ministerie vraagt om een bezuiniging.",
        opties=[gelijk, snijden],
        geadviseerd=gelijk,
        advies="Handhaaf het budget.",
    )


def test_service_page_shows_series_bounds_breaches_model_and_explanation(
    client: Client, met_gegevens: Wereld
) -> None:
    w = met_gegevens
    r = ingelogd(client, w.medewerker).get(reverse("dienstverlening:dienst", args=[w.dienst.pk]))
    assert r.status_code == 200
    html = r.content.decode()
    assert 'role="img"' in html and "<desc" in html  # chart with a text description
    assert "Ondergrens: 25" in html and "Bestaanszekerheid" in html
    assert "Hoe rekent het model?" in html and "kleinste kwadraten" in html
    assert "per miljoen euro budget" in html
    # the staff member may read but not manage
    assert reverse("dienstverlening:importeren", args=[w.dienst.pk]) not in html


def test_owner_ministry_reads_other_ministry_and_executor_do_not(
    client: Client, wereld: Wereld
) -> None:
    url = reverse("dienstverlening:dienst", args=[wereld.dienst.pk])
    assert ingelogd(client, wereld.beleidsmaker).get(url).status_code == 200
    assert ingelogd(Client(), wereld.bestuur_andere).get(url).status_code == 404
    assert ingelogd(Client(), wereld.beleidsmaker_ander_ministerie).get(url).status_code == 404
    lijst = ingelogd(Client(), wereld.bestuur_andere).get(reverse("dienstverlening:lijst"))
    assert "Uitkering" not in lijst.content.decode()


def test_anonymous_is_sent_to_login(client: Client, wereld: Wereld) -> None:
    r = client.get(reverse("dienstverlening:dienst", args=[wereld.dienst.pk]))
    assert r.status_code == 302 and r["Location"].startswith("/inloggen/")


def test_import_page_names_each_bad_row_and_imports_nothing(client: Client, wereld: Wereld) -> None:
    c = ingelogd(client, wereld.beheerder)
    regels = synthetische_csv(3).splitlines()
    regels[2] = regels[2].replace(",", ",-", 1)  # negative budget in row 3
    bestand = SimpleUploadedFile("data.csv", "\n".join(regels).encode(), content_type="text/csv")
    r = c.post(
        reverse("dienstverlening:importeren", args=[wereld.dienst.pk]), {"import-bestand": bestand}
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert "Rij 3: Budget mag niet negatief zijn" in html
    assert "Er is niets veranderd" in html
    assert not Middelen.objects.exists()


def test_import_page_imports_a_good_file(client: Client, wereld: Wereld) -> None:
    c = ingelogd(client, wereld.beheerder)
    bestand = SimpleUploadedFile("data.csv", synthetische_csv().encode(), content_type="text/csv")
    r = c.post(
        reverse("dienstverlening:importeren", args=[wereld.dienst.pk]), {"import-bestand": bestand}
    )
    assert r.status_code == 302
    assert Middelen.objects.count() == 12


def test_import_page_is_refused_to_staff_and_hidden_from_other_organisations(
    client: Client, wereld: Wereld
) -> None:
    url = reverse("dienstverlening:importeren", args=[wereld.dienst.pk])
    assert ingelogd(client, wereld.medewerker).get(url).status_code == 403
    beheerder_elders = persoon_met_rol("beheerder", wereld.andere)
    assert ingelogd(Client(), beheerder_elders).get(url).status_code == 404


def test_lower_bound_form_shows_the_error_next_to_the_field(client: Client, wereld: Wereld) -> None:
    c = ingelogd(client, wereld.bestuur)
    url = reverse("dienstverlening:ondergrens", args=[wereld.doorlooptijd.pk])
    r = c.post(url, {"ondergrens-grens": "veel", "ondergrens-waarde": ""})
    assert r.status_code == 400
    html = r.content.decode()
    assert "De grens moet een getal zijn." in html and "Vul dit veld in." in html
    assert not Ondergrens.objects.exists()
    r = c.post(url, {"ondergrens-grens": "27,5", "ondergrens-waarde": "Bestaanszekerheid"})
    assert r.status_code == 302
    assert Ondergrens.objects.get().grens == 27.5


def test_scenario_form_refuses_negative_budget_and_the_page_flags_a_broken_bound(
    client: Client, met_gegevens: Wereld
) -> None:
    w = met_gegevens
    c = ingelogd(client, w.behandelaar)
    url = reverse("dienstverlening:scenario_nieuw", args=[w.dienst.pk])
    assert c.get(url).status_code == 200
    r = c.post(
        url,
        {
            "scenario-naam": "Fout",
            "scenario-budget": "-1",
            "scenario-fte": "1",
            "scenario-volume": "1",
        },
    )
    assert r.status_code == 400 and "Het budget mag niet negatief zijn." in r.content.decode()
    assert not Scenario.objects.exists()
    laatste = w.dienst.middelen.order_by("-periode").first()
    assert laatste is not None
    r = c.post(
        url,
        {
            "scenario-naam": "Bezuiniging",
            "scenario-budget": f"{laatste.budget * 6 / 10:.0f}",
            "scenario-fte": f"{laatste.fte * 6 / 10:.1f}".replace(".", ","),
            "scenario-volume": str(laatste.volume),
        },
    )
    assert r.status_code == 302
    pagina = c.get(r["Location"]).content.decode()
    assert 'id="ondergrens-gebroken"' in pagina
    assert "Breekt de ondergrens" in pagina
    dienstpagina = c.get(reverse("dienstverlening:dienst", args=[w.dienst.pk])).content.decode()
    assert "breekt 2 ondergrenzen" in dienstpagina


def test_trade_off_form_with_perspectives(
    client: Client, nota: Keuzenota, met_gegevens: Wereld
) -> None:
    w = met_gegevens
    s = Scenario.objects.get(naam="Gelijk")
    c = ingelogd(client, w.behandelaar)
    url = reverse("dienstverlening:waardenafweging", args=[s.pk])
    data = {
        "afweging-waarde_a": "Rechtmatigheid",
        "afweging-waarde_b": "Maatwerk",
        "afweging-afweging": "Beide.",
    }
    data |= {f"persp-{k}": v for k, v in PERSPECTIEVEN.items()}
    data["persp-burger_toelichting"] = ""
    r = c.post(url, data)
    assert r.status_code == 400 and "Leg uit waar uw zorgen over gaan" in r.content.decode()
    assert s.waardenafwegingen.count() == 0
    data["persp-burger_toelichting"] = "Minder maatwerk voor wie het nodig heeft."
    assert c.post(url, data).status_code == 302
    assert s.waardenafwegingen.count() == 1
    # the board of another organisation does not even learn the scenario exists; staff of the
    # own organisation may read it but not weigh
    assert ingelogd(Client(), w.bestuur_andere).post(url, data).status_code == 404
    assert ingelogd(Client(), w.medewerker).post(url, data).status_code == 403
    assert s.waardenafwegingen.count() == 1


def test_keuzenota_html_and_pdf_with_charts_and_text(
    client: Client, nota: Keuzenota, met_gegevens: Wereld
) -> None:
    c = ingelogd(client, met_gegevens.beleidsmaker)  # politics reads it: the owner ministry
    html = c.get(reverse("dienstverlening:keuzenota", args=[nota.pk])).content.decode()
    assert "Begroting volgend jaar" in html and 'data-geadviseerd="true"' in html
    assert "<svg" in html and "2 gebroken" in html
    laatste = nota.dienst.middelen.order_by("-periode").first()
    assert laatste is not None
    besparing = round(float(laatste.budget) * 0.4)
    assert f"- € {besparing:,}".replace(",", ".") in html  # the cut's saving against today
    r = c.get(reverse("dienstverlening:keuzenota_pdf", args=[nota.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r.content.startswith(b"%PDF")
    lezer = pypdf.PdfReader(io.BytesIO(r.content))
    tekst = " ".join(p.extract_text() for p in lezer.pages)
    for stuk in [
        "Keuzenota: Begroting volgend jaar",
        "Bezuiniging 40%",
        "breekt",
        "Advies van de uitvoerder",
        "Geadviseerde optie: Gelijk",
        "Snelheid tegenover Zorgvuldigheid",
        "Hoe rekent het model?",
        "ondergrens",  # the label on the lower-bound line inside the SVG chart
    ]:
        assert stuk in tekst, stuk


def test_keuzenota_is_not_found_for_another_organisation(
    client: Client, nota: Keuzenota, met_gegevens: Wereld
) -> None:
    c = ingelogd(client, met_gegevens.bestuur_andere)
    assert c.get(reverse("dienstverlening:keuzenota", args=[nota.pk])).status_code == 404
    assert c.get(reverse("dienstverlening:keuzenota_pdf", args=[nota.pk])).status_code == 404


def test_keuzenota_form_refuses_one_option(
    client: Client, nota: Keuzenota, met_gegevens: Wereld
) -> None:
    c = ingelogd(client, met_gegevens.bestuur)
    s = Scenario.objects.get(naam="Gelijk")
    r = c.post(
        reverse("dienstverlening:keuzenota_nieuw", args=[met_gegevens.dienst.pk]),
        {
            "nota-titel": "T",
            "nota-aanleiding": "A",
            "nota-opties": [s.pk],
            "nota-geadviseerd": s.pk,
            "nota-advies": "X",
        },
    )
    assert r.status_code == 400 and "Kies twee tot vier opties." in r.content.decode()
    assert Keuzenota.objects.count() == 1


def test_employment_conditions_are_public_and_show_the_gap(client: Client, wereld: Wereld) -> None:
    services.set_arbeidsvoorwaarde(
        door=persoon_met_rol("beheerder", wereld.ministerie),
        organisatie=wereld.ministerie,
        onderwerp="verlof",
        waarde="165.6",
    )
    services.set_arbeidsvoorwaarde(
        door=wereld.beheerder, organisatie=wereld.uitvoerder, onderwerp="verlof", waarde="158"
    )
    html = client.get(reverse("dienstverlening:arbeidsvoorwaarden")).content.decode()
    assert 'data-achter="true"' in html and "▼ -7,6" in html
    assert "1 achterstand op de ministeries." in html


def test_employment_condition_form_only_for_own_organisation(
    client: Client, wereld: Wereld
) -> None:
    c = ingelogd(client, wereld.beheerder)
    url = reverse("dienstverlening:arbeidsvoorwaarde_bewerken")
    r = c.post(
        url, {"av-organisatie": wereld.andere.pk, "av-onderwerp": "verlof", "av-waarde": "100"}
    )
    assert r.status_code == 400  # not a choice for this person
    r = c.post(
        url, {"av-organisatie": wereld.uitvoerder.pk, "av-onderwerp": "verlof", "av-waarde": "-1"}
    )
    assert r.status_code == 400 and "De waarde mag niet negatief zijn." in r.content.decode()
    r = c.post(
        url,
        {"av-organisatie": wereld.uitvoerder.pk, "av-onderwerp": "verlof", "av-waarde": "158,5"},
    )
    assert r.status_code == 302
    assert ingelogd(Client(), wereld.medewerker).get(url).status_code == 403


def test_service_page_queries_do_not_grow_with_indicators_or_periods(
    client: Client, met_gegevens: Wereld
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    w = met_gegevens
    c = ingelogd(client, w.medewerker)
    url = reverse("dienstverlening:dienst", args=[w.dienst.pk])
    c.get(url)  # warm up the session and the membership cache
    with CaptureQueriesContext(connection) as voor:
        assert c.get(url).status_code == 200
    for i in range(3):
        services.create_indicator(
            door=w.beheerder,
            dienst=w.dienst,
            naam=f"Extra {i}",
            eenheid="aantal",
            richting="lager_beter",
        )
    services.import_csv(door=w.beheerder, dienst=w.dienst, inhoud=synthetische_csv(24, seed=8))
    with CaptureQueriesContext(connection) as na:
        assert c.get(url).status_code == 200
    assert len(na.captured_queries) == len(voor.captured_queries)


def test_new_service_and_indicator_through_the_forms(client: Client, wereld: Wereld) -> None:
    c = ingelogd(client, wereld.behandelaar)
    url = reverse("dienstverlening:dienst_nieuw")
    pagina = c.get(url).content.decode()
    assert "Testuitvoering" in pagina and "Andere Uitvoering" not in pagina
    r = c.post(url, {"dienst-organisatie": wereld.uitvoerder.pk, "dienst-naam": ""})
    assert r.status_code == 400 and "Vul dit veld in." in r.content.decode()
    r = c.post(url, {"dienst-organisatie": wereld.andere.pk, "dienst-naam": "Elders"})
    assert r.status_code == 400  # not a choice for this person
    r = c.post(url, {"dienst-organisatie": wereld.uitvoerder.pk, "dienst-naam": "Toeslag"})
    assert r.status_code == 302
    nieuw = Dienst.objects.get(organisatie=wereld.uitvoerder, naam="Toeslag")
    url = reverse("dienstverlening:indicator_nieuw", args=[nieuw.pk])
    r = c.post(
        url,
        {
            "indicator-naam": "Wachttijd",
            "indicator-eenheid": "",
            "indicator-richting": "lager_beter",
        },
    )
    assert r.status_code == 400 and "Kies de eenheid" in r.content.decode()
    r = c.post(
        url,
        {
            "indicator-naam": "Wachttijd",
            "indicator-eenheid": "minuten",
            "indicator-richting": "lager_beter",
        },
    )
    assert r.status_code == 302
    assert nieuw.indicatoren.get().code == "wachttijd"


def test_every_page_opens_for_the_role_it_is_for(
    client: Client, nota: Keuzenota, met_gegevens: Wereld
) -> None:
    w = met_gegevens
    s = Scenario.objects.get(naam="Gelijk")
    paginas = [
        (w.medewerker, reverse("dienstverlening:lijst")),
        (w.beheerder, reverse("dienstverlening:dienst_nieuw")),
        (w.beheerder, reverse("dienstverlening:indicator_nieuw", args=[w.dienst.pk])),
        (w.beheerder, reverse("dienstverlening:importeren", args=[w.dienst.pk])),
        (w.bestuur, reverse("dienstverlening:ondergrens", args=[w.doorlooptijd.pk])),
        (w.behandelaar, reverse("dienstverlening:scenario_nieuw", args=[w.dienst.pk])),
        (w.beleidsmaker, reverse("dienstverlening:scenario", args=[s.pk])),
        (w.bestuur, reverse("dienstverlening:keuzenota_nieuw", args=[w.dienst.pk])),
        (w.beheerder, reverse("dienstverlening:arbeidsvoorwaarde_bewerken")),
    ]
    for persoon, url in paginas:
        assert ingelogd(Client(), persoon).get(url).status_code == 200, url


def test_keuzenota_warns_when_the_data_changed_after_it_was_drawn_up(
    client: Client, nota: Keuzenota, met_gegevens: Wereld
) -> None:
    c = ingelogd(client, met_gegevens.beleidsmaker)
    url = reverse("dienstverlening:keuzenota", args=[nota.pk])
    voor = c.get(url).content.decode()
    assert 'id="herberekend"' not in voor
    _a, opties = selectors.keuzenota_opties(nota)
    cijfers = [[ip.projectie.waarde for ip in sp.indicatoren] for sp in opties]
    services.import_csv(
        door=met_gegevens.beheerder, dienst=met_gegevens.dienst, inhoud=synthetische_csv(seed=5)
    )
    services.set_ondergrens(
        door=met_gegevens.bestuur, indicator=met_gegevens.doorlooptijd, grens=99, waarde="Tijd"
    )
    na = c.get(url).content.decode()
    assert 'id="herberekend"' in na
    # the note keeps the numbers and the bound it was drawn up with; today's differ
    _a, opties = selectors.keuzenota_opties(nota)
    assert [[ip.projectie.waarde for ip in sp.indicatoren] for sp in opties] == cijfers
    _a, nu = selectors.opties_nu(nota.dienst, list(nota.opties.all()))
    assert [[ip.projectie.waarde for ip in sp.indicatoren] for sp in nu] != cijfers
    assert "ondergrens 25" in na and "ondergrens 99" not in na

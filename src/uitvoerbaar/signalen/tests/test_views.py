"""The reporter's screens: intake (named, confidential, anonymous, retaliation), the search-as-
you-type helpers, "Mijn signalen", and following an anonymous signal with the receipt code,
with every refusal answered in Dutch on the same page and changing nothing. Handling is in
test_views_behandeling.py, the noodrem in test_views_noodrem.py, the leak sweep in
test_views_geheim.py."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from uitvoerbaar.conftest import ingelogd
from uitvoerbaar.kennisbank.tests.factories import ArtikelFactory, RegelingFactory
from uitvoerbaar.responsplicht.constants import Status as VerzoekStatus
from uitvoerbaar.signalen import beperking, services
from uitvoerbaar.signalen.constants import MAX_TEKST, Afzender, Kanaal, Signaalsoort, Status
from uitvoerbaar.signalen.models import Bericht, Bijlage, Signaal
from uitvoerbaar.signalen.views import SESSIE_SLEUTEL

from .conftest import Wereld
from .pagina import formfouten, html, veldfout

pytestmark = pytest.mark.django_db

Meld = Callable[..., services.Melding]
MELDEN = "/signalen/melden/"
ANONIEM = "/signalen/anoniem/"
CODE = "/signalen/ontvangstcode/"
CODE_SIGNAAL = "/signalen/ontvangstcode/signaal/"
CODE_AANVULLEN = "/signalen/ontvangstcode/aanvullen/"
CODE_SLUITEN = "/signalen/ontvangstcode/sluiten/"
BSN = "111222333"  # passes the elfproef
PERSOONSGEGEVENS = (
    "Deze tekst lijkt persoonsgegevens van een burger te bevatten: burgerservicenummer (BSN). "
    "Haal ze weg, of "
    "bevestig dat ze echt nodig zijn. Ze komen nooit in een openbare tekst."
)


@pytest.fixture(autouse=True)
def _lege_cache() -> Iterator[None]:
    # The receipt-code limiter counts in the cache; every test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


def _signaal_data(wereld: Wereld, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kanaal": Kanaal.BENOEMD,
        "organisatie": wereld.uitvoerder.pk,
        "titel": "Terugvordering kinderopvangtoeslag bij kleine fout",
        "tekst": "Een gezin moet alles terugbetalen door een fout van twee euro.",
        "urgentie": "normaal",
    }
    data.update(extra)
    return data


def _anoniem_data(wereld: Wereld, **extra: Any) -> dict[str, Any]:
    data = _signaal_data(wereld, **extra)
    del data["kanaal"]
    return data


def _code_uit(response: Any) -> str:
    gevonden = re.search(r'id="ontvangstcode"><strong>([\d ]+)</strong>', html(response))
    assert gevonden, "no receipt code on the page"
    return gevonden.group(1)


# --- named and confidential intake -----------------------------------------------------------


def test_named_intake_end_to_end(client: Client, wereld: Wereld) -> None:
    regeling = RegelingFactory.create(naam="Wet kinderopvang")
    artikel = ArtikelFactory.create(regeling=regeling, nummer="26")
    ingelogd(client, wereld.medewerker)
    formulier = client.get(MELDEN)
    assert formulier.status_code == 200
    assert "Signaal melden" in html(formulier)
    assert formulier["Cache-Control"].startswith("max-age=0")

    response = client.post(
        MELDEN,
        _signaal_data(
            wereld,
            regeling=regeling.pk,
            artikel=artikel.pk,
            beginselen=[wereld.beginsel.pk],
            urgentie="hoog",
            voorstel="Een drempel van vijftig euro.",
            juridisch_oordeel="zorgen",
            juridisch_toelichting="Art. 4:46 Awb laat ruimte voor matiging.",
        ),
    )

    signaal = Signaal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/signalen/mijn/{signaal.pk}/"
    assert signaal.melder == wereld.medewerker
    assert signaal.kanaal == Kanaal.BENOEMD
    assert signaal.status == Status.ONTVANGEN
    assert (signaal.regeling, signaal.artikel, signaal.urgentie) == (regeling, artikel, "hoog")
    assert list(signaal.beginselen.all()) == [wereld.beginsel]
    assert signaal.voorstel == "Een drempel van vijftig euro."
    bevestiging = signaal.ontvangstbevestiging
    assert bevestiging is not None
    assert bevestiging.soort.code == "wbk-ontvangstbevestiging"
    assert bevestiging.status == VerzoekStatus.OPEN
    assert bevestiging.ontvanger_organisatie == wereld.uitvoerder
    assert bevestiging.ontvanger_rol == "behandelaar"
    assert signaal.terugkoppeling is None

    pagina = client.get(response["Location"])
    assert pagina.status_code == 200
    tekst = html(pagina)
    assert f"Uw signaal {signaal.kenmerk} is ontvangen." in tekst
    assert "Ontvangstbevestiging (binnen 7 dagen)" in tekst
    assert "Wet kinderopvang, artikel 26" in tekst
    assert "Evenredigheid" in tekst


def test_the_perspectives_are_stored_with_the_signal(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.medewerker)
    veld = next(k for k in client.get(MELDEN).context["form"].fields if k.endswith("_oordeel"))
    perspectief = veld.removesuffix("_oordeel")
    response = client.post(
        MELDEN,
        _signaal_data(
            wereld, **{veld: "zorgen", f"{perspectief}_toelichting": "Niet uit te leggen."}
        ),
    )
    assert response.status_code == 302
    signaal = Signaal.objects.get()
    assert signaal.perspectieven is not None
    assert "Niet uit te leggen." in html(ingelogd(client, wereld.bestuur).get(_detail(signaal)))


def _detail(signaal: Signaal) -> str:
    return f"/signalen/{signaal.pk}/"


def test_confidential_intake_hides_the_name_from_the_reporters_own_page_too(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.klokkenluider)
    response = client.post(MELDEN, _signaal_data(wereld, kanaal=Kanaal.VERTROUWELIJK))
    signaal = Signaal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/signalen/mijn/{signaal.pk}/"
    assert signaal.kanaal == Kanaal.VERTROUWELIJK
    assert signaal.melder is None and signaal.identiteit_versleuteld
    assert "Zwaluwstaart" not in signaal.identiteit_versleuteld
    # The reporter finds it among their own signals through the keyed pseudonym.
    mijn = client.get("/signalen/mijn/")
    assert signaal.kenmerk in html(mijn)


def test_named_intake_needs_a_login_and_then_creates_nothing(
    client: Client, wereld: Wereld
) -> None:
    response = client.post(MELDEN, _signaal_data(wereld))
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")
    assert not Signaal.objects.exists()


def test_intake_without_title_and_text_names_both_fields(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.medewerker)
    response = client.post(MELDEN, _signaal_data(wereld, titel="", tekst=" "))
    assert response.status_code == 400
    assert veldfout(response, "id_titel") == "Geef het signaal een korte titel."
    assert veldfout(response, "id_tekst") == "Beschrijf wat er is gebeurd."
    assert "Het formulier is nog niet goed ingevuld." in html(response)
    assert not Signaal.objects.exists()


def test_intake_at_an_organisation_one_does_not_work_for_is_refused(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.medewerker)
    response = client.post(MELDEN, _signaal_data(wereld, organisatie=wereld.andere.pk))
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in veldfout(response, "id_organisatie")
    assert not Signaal.objects.exists()


def test_an_article_of_another_regulation_is_refused_next_to_the_field(
    client: Client, wereld: Wereld
) -> None:
    artikel = ArtikelFactory.create()
    ingelogd(client, wereld.medewerker)
    response = client.post(
        MELDEN, _signaal_data(wereld, regeling=RegelingFactory.create().pk, artikel=artikel.pk)
    )
    assert response.status_code == 400
    assert veldfout(response, "id_artikel") == "Dit artikel hoort niet bij de gekozen regeling."
    assert not Signaal.objects.exists()


def test_oversized_text_and_an_unknown_regulation_are_refused_in_dutch(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.medewerker)
    response = client.post(
        MELDEN, _signaal_data(wereld, tekst="x" * (MAX_TEKST + 1), regeling=987654)
    )
    assert response.status_code == 400
    assert veldfout(response, "id_tekst") == (
        f"Zorg dat deze waarde niet meer dan {MAX_TEKST} tekens bevat "
        f"(het zijn er nu {MAX_TEKST + 1})."
    )
    assert veldfout(response, "id_regeling") == (
        "Selecteer een geldige keuze. Deze keuze is niet beschikbaar."
    )
    assert not Signaal.objects.exists()


@override_settings(SIGNALEN_BIJLAGE_MAX_BYTES=1024 * 1024)
def test_an_oversized_attachment_is_refused(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.medewerker)
    groot = SimpleUploadedFile("scan.pdf", b"%PDF-" + b"0" * (1024 * 1024))
    response = client.post(MELDEN, _signaal_data(wereld, bijlagen=groot))
    assert response.status_code == 400
    assert veldfout(response, "id_bijlagen") == "scan.pdf is te groot: hoogstens 1 MB per bestand."
    assert not Signaal.objects.exists()


def test_what_a_reporter_types_is_shown_as_text_never_as_markup(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.medewerker)
    response = client.post(
        MELDEN,
        _signaal_data(
            wereld, titel="<script>alert(1)</script>", tekst='<img src=x onerror="alert(2)">'
        ),
    )
    assert response.status_code == 302
    signaal = Signaal.objects.get()
    for wie in (wereld.medewerker, wereld.behandelaar):
        ingelogd(client, wie)
        for pad in (f"/signalen/mijn/{signaal.pk}/", f"/signalen/{signaal.pk}/", "/signalen/"):
            tekst = html(client.get(pad))
            assert "<script>alert(1)" not in tekst and "<img src=x" not in tekst, pad


def test_citizen_data_shows_a_warning_next_to_the_field_and_stores_nothing(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.medewerker)
    tekst = f"Het gaat om burger met BSN {BSN}, die alles moet terugbetalen."
    response = client.post(MELDEN, _signaal_data(wereld, tekst=tekst))
    assert response.status_code == 400
    assert veldfout(response, "id_tekst") == PERSOONSGEGEVENS
    # The confirmation box appears only now, with the text kept for the reporter to edit.
    assert 'name="persoonsgegevens_bevestigd"' in html(response)
    assert BSN in html(response)
    assert not Signaal.objects.exists()

    response = client.post(
        MELDEN, _signaal_data(wereld, tekst=tekst, persoonsgegevens_bevestigd="on")
    )
    assert response.status_code == 302
    signaal = Signaal.objects.get()
    assert signaal.tekst == tekst
    assert signaal.persoonsgegevens == ["bsn"]


def test_the_confirmation_box_is_not_shown_before_there_is_anything_to_confirm(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.medewerker)
    assert 'name="persoonsgegevens_bevestigd"' not in html(client.get(MELDEN))


def test_citizen_data_in_the_title_is_refused_even_when_confirmed(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.medewerker)
    response = client.post(
        MELDEN,
        _signaal_data(
            wereld, titel=f"BSN {BSN} moet terugbetalen", persoonsgegevens_bevestigd="on"
        ),
    )
    assert response.status_code == 400
    assert veldfout(response, "id_titel").startswith(
        "Haal de persoonsgegevens uit de titel (burgerservicenummer (BSN))."
    )
    assert not Signaal.objects.exists()


def test_a_forbidden_attachment_type_is_refused_next_to_the_field(
    client: Client, wereld: Wereld
) -> None:
    ingelogd(client, wereld.medewerker)
    exe = SimpleUploadedFile("regeling.exe", b"MZ\x90\x00", content_type="application/pdf")
    response = client.post(MELDEN, _signaal_data(wereld, bijlagen=exe))
    assert response.status_code == 400
    assert veldfout(response, "id_bijlagen") == (
        "regeling.exe: dit soort bestand kunt u niet meesturen. "
        "Toegestaan: docx, jpeg, jpg, odt, pdf, png, txt."
    )
    assert not Signaal.objects.exists() and not Bijlage.objects.exists()


def test_a_fake_pdf_is_refused_and_a_real_one_is_kept(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.medewerker)
    nep = SimpleUploadedFile("brief.pdf", b"MZ dit is geen pdf")
    response = client.post(MELDEN, _signaal_data(wereld, bijlagen=nep))
    assert response.status_code == 400
    assert veldfout(response, "id_bijlagen") == (
        "brief.pdf is geen echt pdf-bestand. Stuur het bestand in zijn eigen vorm."
    )
    echt = SimpleUploadedFile("brief.pdf", b"%PDF-1.7 brief")
    assert client.post(MELDEN, _signaal_data(wereld, bijlagen=echt)).status_code == 302
    bijlage = Bijlage.objects.get()
    assert (bijlage.naam, bijlage.soort) == ("brief.pdf", "application/pdf")


def test_too_many_attachments_are_refused(client: Client, wereld: Wereld) -> None:
    ingelogd(client, wereld.medewerker)
    bestanden = [
        SimpleUploadedFile(f"notitie{i}.txt", b"tekst")
        for i in range(settings.SIGNALEN_BIJLAGEN_MAX + 1)
    ]
    response = client.post(MELDEN, _signaal_data(wereld, bijlagen=bestanden))
    assert response.status_code == 400
    assert veldfout(response, "id_bijlagen") == (
        f"U kunt hoogstens {settings.SIGNALEN_BIJLAGEN_MAX} bijlagen meesturen."
    )
    assert not Signaal.objects.exists()


def test_retaliation_is_reported_confidentially_about_an_own_signal(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    eerder = meld(door=wereld.klokkenluider).signaal
    ingelogd(client, wereld.klokkenluider)
    formulier = client.get(MELDEN + "?soort=benadeling")
    assert formulier.status_code == 200
    assert "Benadeling melden" in html(formulier)
    keuzes = [w for w, _l in formulier.context["form"].fields["kanaal"].choices]
    assert keuzes == [Kanaal.VERTROUWELIJK]

    response = client.post(
        MELDEN + "?soort=benadeling",
        _signaal_data(
            wereld,
            kanaal=Kanaal.VERTROUWELIJK,
            titel="Overgeplaatst na mijn signaal",
            tekst="Sinds mijn melding krijg ik geen diensten meer.",
            over_signaal=eerder.pk,
        ),
    )
    assert response.status_code == 302
    benadeling = Signaal.objects.get(soort=Signaalsoort.BENADELING)
    assert benadeling.over_signaal == eerder
    assert benadeling.kanaal == Kanaal.VERTROUWELIJK
    assert benadeling.behandelrol == "vertrouwenspersoon"


def test_retaliation_about_someone_elses_signal_is_refused(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    anders = meld().signaal  # by the medewerker
    ingelogd(client, wereld.klokkenluider)
    response = client.post(
        MELDEN + "?soort=benadeling",
        _signaal_data(wereld, kanaal=Kanaal.VERTROUWELIJK, over_signaal=anders.pk),
    )
    assert response.status_code == 400
    assert veldfout(response, "id_over_signaal") == "U hebt geen signaal met dit kenmerk gemeld."
    assert Signaal.objects.count() == 1


# --- helpers while typing (htmx) -------------------------------------------------------------


def test_article_search_narrows_to_the_regulation_and_the_words(
    client: Client, wereld: Wereld
) -> None:
    regeling = RegelingFactory.create(naam="Participatiewet")
    ArtikelFactory.create(regeling=regeling, nummer="18", titel="Afstemming uitkering")
    ArtikelFactory.create(regeling=regeling, nummer="58", titel="Terugvordering")
    ArtikelFactory.create(nummer="19", titel="Afstemming elders")
    ingelogd(client, wereld.medewerker)
    response = client.get(
        "/signalen/artikelen/", {"regeling": regeling.pk, "artikel_zoek": "afstemming"}
    )
    assert response.status_code == 200
    opties = re.findall(r'<option value="\d+">([^<]+)</option>', html(response))
    assert opties == ["Participatiewet, artikel 18 — Afstemming uitkering"]
    geen = client.get("/signalen/artikelen/", {"artikel_zoek": "bestaatniet"})
    assert "Geen artikel gevonden" in html(geen)
    # The anonymous intake uses the same search, without a login.
    zonder_login = Client().get("/signalen/artikelen/", {"artikel_zoek": "terugvordering"})
    assert zonder_login.status_code == 200
    assert "Participatiewet, artikel 58" in html(zonder_login)


def test_similar_signals_at_intake_only_within_ones_own_organisation(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    bekend = meld(titel="Terugvordering kinderopvangtoeslag na een kleine fout").signaal
    ingelogd(client, wereld.medewerker)
    vraag: dict[str, str | int] = {
        "titel": "Terugvordering kinderopvangtoeslag bij een kleine fout"
    }
    response = client.get("/signalen/gelijkend/", {**vraag, "organisatie": wereld.uitvoerder.pk})
    assert response.status_code == 200
    assert bekend.kenmerk in html(response)
    assert "Lijkt dit op een signaal dat al bekend is?" in html(response)
    # Another organisation's signals cannot be probed by naming it.
    elders = client.get("/signalen/gelijkend/", {**vraag, "organisatie": wereld.andere.pk})
    assert elders.status_code == 200 and bekend.kenmerk not in html(elders)


# --- own signals -----------------------------------------------------------------------------


def test_own_signals_list_and_page_are_for_the_reporter_only(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    eigen = meld().signaal
    ander = meld(door=wereld.behandelaar, titel="Een signaal van de behandelaar").signaal
    ingelogd(client, wereld.medewerker)
    lijst = client.get("/signalen/mijn/")
    assert lijst.status_code == 200
    assert eigen.kenmerk in html(lijst) and ander.kenmerk not in html(lijst)
    assert client.get(f"/signalen/mijn/{eigen.pk}/").status_code == 200
    assert client.get(f"/signalen/mijn/{ander.pk}/").status_code == 404
    response = client.post(f"/signalen/mijn/{ander.pk}/aanvullen/", {"tekst": "Ik ook."})
    assert response.status_code == 404
    assert not Bericht.objects.exists()


def test_the_reporter_adds_information_with_an_account(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    signaal = meld().signaal
    ingelogd(client, wereld.medewerker)
    pad = f"/signalen/mijn/{signaal.pk}/aanvullen/"
    leeg = client.post(pad, {"tekst": ""})
    assert leeg.status_code == 400
    assert veldfout(leeg, "id_tekst") == "Schrijf uw aanvulling."
    response = client.post(
        pad,
        {"tekst": "Het gebeurde ook in maart.", "bijlagen": SimpleUploadedFile("a.txt", b"maart")},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/signalen/mijn/{signaal.pk}/"
    bericht = Bericht.objects.get()
    assert (bericht.afzender, bericht.auteur, bericht.tekst) == (
        Afzender.MELDER,
        wereld.medewerker,
        "Het gebeurde ook in maart.",
    )
    assert signaal.bijlagen.count() == 1
    assert "Uw aanvulling is verstuurd." in html(client.get(response["Location"]))


def test_adding_to_a_closed_signal_is_a_409(client: Client, wereld: Wereld, meld: Meld) -> None:
    signaal = meld().signaal
    services.take_in_behandeling(signaal=signaal, door=wereld.behandelaar)
    services.close_signaal(
        signaal=signaal, door=wereld.behandelaar, uitkomst="uitleg", toelichting="Zo werkt het."
    )
    aantal = Bericht.objects.count()
    ingelogd(client, wereld.medewerker)
    pagina = client.get(f"/signalen/mijn/{signaal.pk}/")
    assert "kop-aanvullen" not in html(pagina)
    response = client.post(f"/signalen/mijn/{signaal.pk}/aanvullen/", {"tekst": "Nog iets."})
    assert response.status_code == 409
    assert formfouten(response) == ["U kunt dit signaal nu niet aanvullen: het is afgesloten."]
    assert Bericht.objects.count() == aantal


# --- anonymous intake and the receipt code ---------------------------------------------------


def test_anonymous_intake_without_login_shows_the_16_digit_code_once(
    client: Client, wereld: Wereld
) -> None:
    formulier = client.get(ANONIEM)
    assert formulier.status_code == 200
    assert "Anoniem een signaal melden" in html(formulier)
    assert 'name="kanaal"' not in html(formulier)

    response = client.post(ANONIEM, _anoniem_data(wereld))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"].split(", ")
    code = _code_uit(response)
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", code)
    assert "U ziet hem maar één keer." in html(response)
    signaal = Signaal.objects.get()
    assert signaal.kanaal == Kanaal.ANONIEM
    assert signaal.melder is None and not signaal.identiteit_versleuteld
    cijfers = code.replace(" ", "")
    assert signaal.bon_hash and cijfers not in signaal.bon_hash
    assert signaal.ontvangstbevestiging is not None
    assert signaal.ontvangstbevestiging.soort.code == "wbk-ontvangstbevestiging"
    # The code is not stored anywhere it could be shown again.
    assert cijfers not in html(client.get(ANONIEM))
    assert cijfers not in html(client.get(CODE))
    # And it works.
    assert client.post(CODE, {"code": code}).status_code == 302
    assert signaal.titel in html(client.get(CODE_SIGNAAL))


def test_anonymous_intake_works_with_csrf_checks_as_a_browser_meets_them(wereld: Wereld) -> None:
    browser = Client(enforce_csrf_checks=True)
    # Without the token from the form, nothing is taken in.
    assert browser.post(ANONIEM, _anoniem_data(wereld)).status_code == 403
    assert not Signaal.objects.exists()
    assert browser.get(ANONIEM).status_code == 200
    token = browser.cookies["csrftoken"].value
    response = browser.post(ANONIEM, {**_anoniem_data(wereld), "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    code = _code_uit(response)
    assert browser.get(CODE).status_code == 200
    token = browser.cookies["csrftoken"].value
    geopend = browser.post(CODE, {"code": code, "csrfmiddlewaretoken": token})
    assert geopend.status_code == 302 and geopend["Location"] == CODE_SIGNAAL


def test_anonymous_intake_refusals_come_next_to_the_field(client: Client, wereld: Wereld) -> None:
    response = client.post(ANONIEM, _anoniem_data(wereld, organisatie="", tekst=f"BSN {BSN}"))
    assert response.status_code == 400
    assert veldfout(response, "id_organisatie") == "Kies de organisatie."
    assert not re.search(r'id="ontvangstcode"', html(response))
    assert not Signaal.objects.exists()


def _met_code(client: Client, wereld: Wereld) -> tuple[Signaal, str]:
    response = client.post(ANONIEM, _anoniem_data(wereld))
    return Signaal.objects.get(kanaal=Kanaal.ANONIEM), _code_uit(response)


def test_the_right_code_opens_the_signal_in_the_session(client: Client, wereld: Wereld) -> None:
    signaal, code = _met_code(client, wereld)
    ander = Client()
    assert ander.get(CODE_SIGNAAL)["Location"] == CODE
    assert ander.get(CODE).status_code == 200

    response = ander.post(CODE, {"code": code.replace(" ", "-")})
    assert response.status_code == 302
    assert response["Location"] == CODE_SIGNAAL
    assert ander.session[SESSIE_SLEUTEL] == signaal.pk
    pagina = ander.get(CODE_SIGNAAL)
    assert pagina.status_code == 200
    assert pagina["Cache-Control"].startswith("max-age=0")
    tekst = html(pagina)
    assert signaal.titel in tekst and signaal.tekst in tekst
    assert "Ontvangstbevestiging (binnen 7 dagen)" in tekst

    # Closing ends the session's access.
    sluiten = ander.post(CODE_SLUITEN)
    assert sluiten["Location"] == CODE
    assert SESSIE_SLEUTEL not in ander.session
    assert ander.get(CODE_SIGNAAL)["Location"] == CODE


@pytest.mark.parametrize("fout", ["1234 5678 9012 3456", "12", "abcd efgh ijkl mnop", ""])
def test_a_wrong_code_is_404_with_the_same_dutch_message(
    client: Client, wereld: Wereld, fout: str
) -> None:
    _met_code(client, wereld)
    ander = Client()
    response = ander.post(CODE, {"code": fout})
    assert response.status_code == 404
    assert veldfout(response, "id_code") == str(beperking.MELDING_ONBEKEND)
    assert SESSIE_SLEUTEL not in ander.session


def test_after_too_many_wrong_codes_even_the_right_code_is_429(
    client: Client, wereld: Wereld
) -> None:
    signaal, code = _met_code(client, wereld)
    rader = Client(REMOTE_ADDR="192.0.2.66")
    for _ in range(settings.SIGNALEN_BON_POGINGEN):
        assert rader.post(CODE, {"code": "0000 0000 0000 0000"}).status_code == 404

    response = rader.post(CODE, {"code": code})

    assert response.status_code == 429
    assert str(beperking.MELDING_TE_VEEL) in html(response)
    assert signaal.titel not in html(response)
    assert SESSIE_SLEUTEL not in rader.session
    assert rader.get(CODE_SIGNAAL)["Location"] == CODE
    # Another address is not affected.
    assert Client(REMOTE_ADDR="192.0.2.7").post(CODE, {"code": code}).status_code == 302


def test_the_anonymous_reporter_answers_a_question_with_the_code_session(
    client: Client, wereld: Wereld
) -> None:
    signaal, code = _met_code(client, wereld)
    services.take_in_behandeling(signaal=signaal, door=wereld.behandelaar)
    services.send_bericht(
        signaal=signaal, door=wereld.behandelaar, tekst="In welk team gebeurde dit?", vraag=True
    )
    melder = Client()
    # Without the code nothing can be added.
    zonder = melder.post(CODE_AANVULLEN, {"tekst": "Team Zuid."})
    assert zonder["Location"] == CODE
    assert not Bericht.objects.filter(afzender=Afzender.MELDER).exists()

    melder.post(CODE, {"code": code})
    pagina = melder.get(CODE_SIGNAAL)
    assert "In welk team gebeurde dit?" in html(pagina)
    assert "Vraag beantwoorden" in html(pagina)
    # The reporter reads what the handlers wrote, not who they are.
    assert str(wereld.behandelaar) not in html(pagina)

    fout = melder.post(CODE_AANVULLEN, {"tekst": f"Team Zuid, BSN {BSN}."})
    assert fout.status_code == 400
    assert veldfout(fout, "id_tekst").startswith("Deze tekst lijkt persoonsgegevens")
    assert not Bericht.objects.filter(afzender=Afzender.MELDER).exists()

    response = melder.post(CODE_AANVULLEN, {"tekst": "Team Zuid, vorige week."})
    assert response.status_code == 302
    assert response["Location"] == CODE_SIGNAAL
    antwoord = Bericht.objects.get(afzender=Afzender.MELDER)
    assert antwoord.tekst == "Team Zuid, vorige week." and antwoord.auteur is None
    signaal.refresh_from_db()
    assert signaal.status == Status.IN_BEHANDELING
    assert "Uw aanvulling is verstuurd." in html(melder.get(CODE_SIGNAAL))


def test_an_overdue_acknowledgement_shows_to_the_anonymous_reporter(wereld: Wereld) -> None:
    with time_machine.travel(dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC), tick=False) as reis:
        melder = Client()
        code = _code_uit(melder.post(ANONIEM, _anoniem_data(wereld)))
        melder.post(CODE, {"code": code})
        rij = _termijn(melder.get(CODE_SIGNAAL), "Ontvangstbevestiging")
        assert "8 maart 2027" in rij and "Te laat" not in rij

        reis.shift(dt.timedelta(days=9))
        melder = Client()
        melder.post(CODE, {"code": code})
        rij = _termijn(melder.get(CODE_SIGNAAL), "Ontvangstbevestiging")
        assert "Te laat" in rij

        services.take_in_behandeling(signaal=Signaal.objects.get(), door=wereld.behandelaar)
        rij = _termijn(melder.get(CODE_SIGNAAL), "Ontvangstbevestiging")
        assert "Gedaan op 10 maart 2027" in rij and "Te laat" in rij
        assert "Terugkoppeling (binnen 3 maanden)" in html(melder.get(CODE_SIGNAAL))


def _termijn(response: Any, naam: str) -> str:
    rij = re.search(rf'scope="row">{naam}.*?</tr>', html(response), re.S)
    assert rij, f"no term {naam}"
    return " ".join(re.sub(r"<[^>]+>", " ", rij.group(0)).split())


def test_the_code_session_opens_only_an_anonymous_signal(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    benoemd = meld().signaal
    session = client.session
    session[SESSIE_SLEUTEL] = benoemd.pk
    session.save()
    assert client.get(CODE_SIGNAAL)["Location"] == CODE
    assert client.post(CODE_AANVULLEN, {"tekst": "Hallo"})["Location"] == CODE
    assert not Bericht.objects.exists()


# --- the reporter's own attachments ----------------------------------------------------------


def _download(response: Any) -> bytes:
    return b"".join(response.streaming_content)


def test_the_anonymous_reporter_downloads_their_attachment_with_the_code_session(
    client: Client, wereld: Wereld
) -> None:
    bestand = SimpleUploadedFile("notitie.txt", b"wat ik zag op dinsdag")
    code = _code_uit(client.post(ANONIEM, _anoniem_data(wereld, bijlagen=bestand)))
    signaal = Signaal.objects.get(kanaal=Kanaal.ANONIEM)
    bijlage = signaal.bijlagen.get()
    adres = f"/signalen/ontvangstcode/bijlagen/{bijlage.pk}/"

    # Without the code's session there is nothing to download.
    vreemde = Client()
    assert vreemde.get(adres)["Location"] == CODE

    melder = Client()
    melder.post(CODE, {"code": code})
    pagina = html(melder.get(CODE_SIGNAAL))
    assert f'href="{adres}"' in pagina and "notitie.txt" in pagina
    response = melder.get(adres)
    assert response.status_code == 200
    assert _download(response) == b"wat ik zag op dinsdag"
    assert "no-store" in response["Cache-Control"]
    assert 'filename="notitie.txt"' in response["Content-Disposition"]

    # The session opens this signal's attachments only.
    ander = services.submit_signaal(
        door=wereld.medewerker,
        kanaal="benoemd",
        organisatie=wereld.uitvoerder,
        titel="Een ander signaal",
        tekst="Met een eigen bijlage.",
        bijlagen=[SimpleUploadedFile("ander.txt", b"niet van u")],
    ).signaal
    assert (
        melder.get(f"/signalen/ontvangstcode/bijlagen/{ander.bijlagen.get().pk}/").status_code
        == 404
    )


def test_a_reporter_with_an_account_downloads_only_their_own_attachments(
    client: Client, wereld: Wereld, meld: Meld
) -> None:
    eigen = meld(bijlagen=[SimpleUploadedFile("eigen.txt", b"van mij")]).signaal
    ander = meld(
        door=wereld.behandelaar, bijlagen=[SimpleUploadedFile("ander.txt", b"niet van u")]
    ).signaal
    b_eigen, b_ander = eigen.bijlagen.get(), ander.bijlagen.get()

    ingelogd(client, wereld.medewerker)
    adres = f"/signalen/mijn/{eigen.pk}/bijlagen/{b_eigen.pk}/"
    assert f'href="{adres}"' in html(client.get(f"/signalen/mijn/{eigen.pk}/"))
    assert _download(client.get(adres)) == b"van mij"
    # Someone else's signal, or another signal's attachment under one's own: 404.
    assert client.get(f"/signalen/mijn/{ander.pk}/bijlagen/{b_ander.pk}/").status_code == 404
    assert client.get(f"/signalen/mijn/{eigen.pk}/bijlagen/{b_ander.pk}/").status_code == 404
    assert Client().get(adres).status_code in {302, 403}

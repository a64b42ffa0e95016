"""The demo world of `uitvoerbaar load_demo` and the `demo_totp` command (DESIGN §5)."""

from __future__ import annotations

import re
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from uitvoerbaar.audit.models import AuditEvent
from uitvoerbaar.core import demo, services
from uitvoerbaar.core.constants import ROLLEN_MET_TWEEDE_FACTOR, OrganisatieSoort, Rol
from uitvoerbaar.core.models import Eenheid, Gebruiker, Lidmaatschap, Organisatie
from uitvoerbaar.core.tests.factories import persoon_met_rol, totp_device
from uitvoerbaar.kennisbank.models import Artikel, Beginsel, Rechtuitspraak, Regeling

pytestmark = pytest.mark.django_db

CODE = re.compile(r"^\d{6}$")
MODELLEN: tuple[Any, ...] = (
    Organisatie,
    Eenheid,
    Gebruiker,
    Lidmaatschap,
    TOTPDevice,
    Beginsel,
    Regeling,
    Artikel,
    Rechtuitspraak,
    AuditEvent,
)


def _tellingen() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELLEN}


def _load_demo_command() -> str:
    out = StringIO()
    call_command("load_demo", "--ook-zonder-debug", stdout=out)
    return out.getvalue()


def _rij(uitvoer: str, username: str) -> list[str]:
    for regel in uitvoer.splitlines():
        cellen = regel.split()
        if cellen and cellen[0] == username:
            return cellen
    raise AssertionError(f"{username} staat niet in de uitvoer")


def _demo_totp(username: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("demo_totp", username, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


# --------------------------------------------------------------------------------------------
# The world


def test_load_demo_twice_changes_nothing_the_second_time() -> None:
    eerste = demo.load_demo()
    na_eerste = _tellingen()
    tweede = demo.load_demo()

    assert eerste.wijzigingen > 0
    assert eerste.organisaties == len(demo.ORGANISATIES)
    assert eerste.gebruikers == len(demo.PERSONEN)
    assert tweede.wijzigingen == 0
    # Same rows, and not a single new audit event.
    assert _tellingen() == na_eerste
    assert [a.username for a in tweede.accounts] == [a.username for a in eerste.accounts]


def test_memberships_are_exactly_the_defined_roles_without_duplicates() -> None:
    demo.load_demo()
    demo.load_demo()

    gedefinieerd = {
        (p.username, r.organisatie, r.rol, r.eenheid) for p in demo.PERSONEN for r in p.rollen
    }
    opgeslagen = [
        (
            lid.gebruiker.username,
            lid.organisatie.slug,
            lid.rol,
            lid.eenheid.naam if lid.eenheid else None,
        )
        for lid in Lidmaatschap.objects.select_related("gebruiker", "organisatie", "eenheid")
    ]
    assert len(opgeslagen) == len(set(opgeslagen))
    assert set(opgeslagen) == gedefinieerd
    assert Lidmaatschap.objects.filter(actief=False).count() == 0


def test_every_role_is_held_by_some_demo_person() -> None:
    demo.load_demo()

    rollen = set(
        Lidmaatschap.objects.filter(
            actief=True, gebruiker__email__endswith="@" + demo.DEMO_DOMEIN
        ).values_list("rol", flat=True)
    )
    assert rollen == set(Rol.values)


def test_every_executive_organisation_has_people_in_each_of_its_roles() -> None:
    demo.load_demo()

    for slug in ("lud", "dth", "bsf"):
        rollen = set(
            Lidmaatschap.objects.filter(organisatie__slug=slug).values_list("rol", flat=True)
        )
        assert rollen >= {
            Rol.MEDEWERKER,
            Rol.BEHANDELAAR,
            Rol.VERTROUWENSPERSOON,
            Rol.BESTUUR,
            Rol.BEHEERDER,
        }, slug


def test_organisations_have_their_kind_owner_and_units() -> None:
    demo.load_demo()
    org = {o.slug: o for o in Organisatie.objects.select_related("eigenaar_ministerie")}

    assert {s for s, o in org.items() if o.soort == OrganisatieSoort.MINISTERIE} == {
        "mwb",
        "mft",
        "mls",
    }
    assert {(s, o.eigenaar_ministerie.slug) for s, o in org.items() if o.eigenaar_ministerie} == {
        ("lud", "mwb"),
        ("dth", "mft"),
        ("bsf", "mls"),
    }
    assert org["kamer"].soort == OrganisatieSoort.PARLEMENT
    assert org["lindendal"].soort == org["hoogwater"].soort == OrganisatieSoort.MEDEOVERHEID
    assert Eenheid.objects.filter(
        organisatie__slug="kamer", naam="Vaste commissie Werk en Bestaanszekerheid"
    ).exists()
    assert Eenheid.objects.filter(organisatie__slug="mwb", naam__startswith="Directie").exists()
    assert Eenheid.objects.filter(organisatie__slug="lud", naam="Bezwaar en beroep").exists()


def test_one_person_has_roles_in_two_organisations() -> None:
    demo.load_demo()

    femke = Gebruiker.objects.get(username="femke.werkplein")
    assert {lid.organisatie.slug for lid in femke.actieve_lidmaatschappen()} == {
        "lud",
        "lindendal",
    }


def test_demo_people_are_fictional_demo_accounts() -> None:
    demo.load_demo()

    for persoon in demo.PERSONEN:
        gebruiker = Gebruiker.objects.get(username=persoon.username)
        assert gebruiker.email == f"{persoon.username}@demo.uitvoerbaar.nl"
        assert demo.is_demo_account(gebruiker)
        assert str(gebruiker) == persoon.naam
        assert gebruiker.check_password(demo.DEMO_WACHTWOORD)


def test_every_organisation_named_by_the_regulations_exists() -> None:
    demo.load_demo()
    data = demo.regelingen_data()

    genoemd = {r["eigenaar"] for r in data["regelingen"]} | {
        u for r in data["regelingen"] for u in r["uitvoerders"]
    }
    assert genoemd <= set(Organisatie.objects.values_list("slug", flat=True))
    assert genoemd <= {o.slug for o in demo.ORGANISATIES}
    assert set(Regeling.objects.values_list("code", flat=True)) == {
        r["code"] for r in data["regelingen"]
    }
    assert Beginsel.objects.exists()


def test_regulations_file_has_real_articles_rights_and_purposes() -> None:
    data = demo.regelingen_data()

    assert len(data["regelingen"]) == 5
    for regeling in data["regelingen"]:
        assert re.fullmatch(r"BWBR\d{7}", regeling["bwb_id"]), regeling["code"]
        assert regeling["bedoeling"].strip(), regeling["code"]
        assert 3 <= len(regeling["artikelen"]) <= 5, regeling["code"]
        assert 3 <= len(regeling["rechten"]) <= 5, regeling["code"]
        assert {r["soort"] for r in regeling["rechten"]} == {"wel", "niet"}, regeling["code"]
        nummers = {a["nummer"] for a in regeling["artikelen"]}
        if regeling["hardheidsclausule"]:
            assert regeling["hardheidsclausule"] in nummers, regeling["code"]
        for artikel in regeling["artikelen"]:
            assert artikel["bedoeling"].strip(), (regeling["code"], artikel["nummer"])
            assert artikel["url"].startswith(
                f"https://wetten.overheid.nl/jci1.3:c:{regeling['bwb_id']}&"
            )
            assert artikel["url"].endswith(f"&artikel={artikel['nummer']}")
    # Only the regulations that really have a hardheidsclausule name one.
    per_code = {r["code"]: r["hardheidsclausule"] for r in data["regelingen"]}
    assert per_code["wet-studiefinanciering-2000"] == "11.5"
    assert per_code["participatiewet"] == ""


def test_a_failing_step_rolls_the_whole_load_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "regelingen_data", lambda: {"regelingen": [{"code": "Fout!"}]})

    with pytest.raises(ValidationError):
        demo.load_demo()

    assert Organisatie.objects.count() == 0
    assert Gebruiker.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_load_demo_restores_a_changed_password_and_an_ended_role() -> None:
    demo.load_demo()
    fatima = Gebruiker.objects.get(username="fatima.lud")
    fatima.set_password("iets-anders-dan-de-demo")
    fatima.save()
    beheerder = Gebruiker.objects.get(username="beheer.lud")
    lid = fatima.lidmaatschappen.get()
    services.end_lidmaatschap(door=beheerder, lidmaatschap=lid)
    events_voor = AuditEvent.objects.count()

    resultaat = demo.load_demo()

    fatima.refresh_from_db()
    assert fatima.check_password(demo.DEMO_WACHTWOORD)
    assert fatima.lidmaatschappen.get().actief
    assert (resultaat.gebruikers, resultaat.lidmaatschappen) == (1, 1)
    nieuw = list(AuditEvent.objects.order_by("volgnummer")[events_voor:])
    assert [e.event for e in nieuw] == ["demo.gebruiker.bijgewerkt", "lidmaatschap.toegevoegd"]
    # The audit log says the password was reset, never what it is or was.
    assert nieuw[0].data == {"gebruiker": "fatima.lud", "velden": ["password"]}


# --------------------------------------------------------------------------------------------
# Second factor


def test_second_factor_accounts_have_a_confirmed_device_with_the_fixed_key() -> None:
    demo.load_demo()

    nodig = [g for g in Gebruiker.objects.all() if g.tweede_factor_vereist]
    assert {g.username for g in nodig} == {
        p.username
        for p in demo.PERSONEN
        if any(r.rol in ROLLEN_MET_TWEEDE_FACTOR for r in p.rollen)
    }
    for gebruiker in nodig:
        device = TOTPDevice.objects.get(user=gebruiker)
        assert device.confirmed
        assert device.key == demo.totp_sleutel(gebruiker.username)
        assert len(device.bin_key) == 20
    # People who do not need one get none.
    assert TOTPDevice.objects.count() == len(nodig)


def test_totp_keys_are_fixed_per_user_and_differ_between_users() -> None:
    sleutels = {p.username: demo.totp_sleutel(p.username) for p in demo.PERSONEN}

    assert sleutels == {p.username: demo.totp_sleutel(p.username) for p in demo.PERSONEN}
    assert len(set(sleutels.values())) == len(sleutels)
    assert all(re.fullmatch(r"[0-9a-f]{40}", s) for s in sleutels.values())


def test_a_device_with_another_key_is_put_back_to_the_fixed_key() -> None:
    demo.load_demo()
    device = TOTPDevice.objects.get(user__username="vp.lud")
    device.key = "00" * 20
    device.save()

    resultaat = demo.load_demo()

    device.refresh_from_db()
    assert device.key == demo.totp_sleutel("vp.lud")
    assert resultaat.apparaten == 1


def test_printed_secret_and_code_verify_for_every_second_factor_account() -> None:
    uitvoer = _load_demo_command()

    for device in TOTPDevice.objects.select_related("user"):
        cellen = _rij(uitvoer, device.user.username)
        geheim, code = cellen[-2], cellen[-1]
        assert geheim == demo.base32_geheim(device)
        assert CODE.match(code)
        assert device.verify_token(code), device.user.username


def test_printed_secret_stays_the_same_across_runs() -> None:
    eerste = _load_demo_command()
    tweede = _load_demo_command()

    for account in demo.load_demo().accounts:
        if account.totp_geheim:
            assert _rij(eerste, account.username)[-2] == _rij(tweede, account.username)[-2]
            assert _rij(tweede, account.username)[-2] == account.totp_geheim


# --------------------------------------------------------------------------------------------
# The load_demo command


def test_command_output_lists_every_account_the_password_and_the_demo_setting() -> None:
    uitvoer = _load_demo_command()

    for persoon in demo.PERSONEN:
        cellen = _rij(uitvoer, persoon.username)
        assert persoon.voornaam in cellen
    tekst = " ".join(uitvoer.split())  # explanations are wrapped at 100 characters
    assert f"Wachtwoord voor alle demo-accounts: {demo.DEMO_WACHTWOORD}" in tekst
    assert "Alleen voor de demo: met UITVOERBAAR_DEMO_WAIVE_SECOND_FACTOR=true" in tekst
    assert "Zet dit nooit aan in productie" in tekst
    assert "\n    uitvoerbaar demo_totp <gebruikersnaam>\n" in uitvoer
    assert "Functioneel beheerder @ LUD" in uitvoer
    # Both roles of the person in two organisations are shown.
    assert "Professional @ Lindendal (Team Werk en Inkomen)" in uitvoer


def test_accounts_without_second_factor_say_it_is_not_needed() -> None:
    uitvoer = _load_demo_command()

    cellen = _rij(uitvoer, "fatima.lud")
    assert cellen[-2:] == ["niet", "nodig"]


def test_command_refuses_without_debug_and_changes_nothing() -> None:
    with pytest.raises(CommandError, match="--ook-zonder-debug") as fout:
        call_command("load_demo", stdout=StringIO())

    assert fout.value.returncode == 1
    assert Organisatie.objects.count() == 0


# --------------------------------------------------------------------------------------------
# demo_totp


def test_demo_totp_prints_a_code_that_verifies() -> None:
    demo.load_demo()

    out, err = _demo_totp("bestuur.dth")

    code = out.strip()
    assert CODE.match(code)
    assert "seconden geldig" in err
    assert TOTPDevice.objects.get(user__username="bestuur.dth").verify_token(code)


def test_demo_totp_refuses_a_non_demo_account(organisatie: Organisatie) -> None:
    echt = persoon_met_rol(Rol.BEHEERDER, organisatie, username="echte.beheerder")
    totp_device(echt)

    with pytest.raises(CommandError, match="geen demo-account") as fout:
        _demo_totp("echte.beheerder")

    assert fout.value.returncode == 1


def test_demo_totp_answers_an_unknown_name_like_a_non_demo_account() -> None:
    with pytest.raises(CommandError, match="niemand is geen demo-account") as fout:
        _demo_totp("niemand")

    assert fout.value.returncode == 1


def test_demo_totp_refuses_a_demo_account_without_second_factor() -> None:
    demo.load_demo()

    with pytest.raises(CommandError, match="geen tweede factor") as fout:
        _demo_totp("fatima.lud")

    assert fout.value.returncode == 1


# --------------------------------------------------------------------------------------------
# In the browser: every demo account can log in


def test_demo_account_without_second_factor_logs_in_with_the_password(client: Client) -> None:
    demo.load_demo()

    response = client.post(
        "/inloggen/", {"username": "fatima.lud", "password": demo.DEMO_WACHTWOORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/start/"
    assert client.get("/start/").status_code == 200


def test_demo_account_with_second_factor_logs_in_with_the_demo_totp_code(client: Client) -> None:
    demo.load_demo()

    response = client.post("/inloggen/", {"username": "vp.lud", "password": demo.DEMO_WACHTWOORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/tweede-factor/")

    code = _demo_totp("vp.lud")[0].strip()
    response = client.post(response["Location"], {"code": code})

    assert response.status_code == 302
    assert response["Location"] == "/start/"
    assert client.get("/start/").status_code == 200

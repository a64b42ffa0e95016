"""Serializers of the signalen API.

Three ways to see a signal, by who asks:
- handlers, the bestuur and the vertrouwenspersoon (`SignaalSerializer`, `SignaalDetailSerializer`):
  a named signal shows its reporter; a confidential one shows `kanaal: vertrouwelijk` and no
  identity at all (the custodian reads it on the web, where every reading is logged);
- the reporter (`EigenSignaalSerializer`): their own signal, without the handlers' names;
- the anonymous reporter with a receipt code (`AnoniemSignaalSerializer`): the same, without
  the number that would let anyone else find it.

Input serializers check only the shape of the input, with a Dutch message per field; the rules
(citizen data, attachments, the article of the regulation, who may report where) are checked by
`signalen.services`, whose messages use the same field names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from uitvoerbaar.core import policy
from uitvoerbaar.core.api.serializers import OrganisatieKortSerializer
from uitvoerbaar.core.constants import Rol
from uitvoerbaar.core.models import Eenheid, Gebruiker, Organisatie
from uitvoerbaar.kennisbank.api.schema import KeuzeVeld
from uitvoerbaar.kennisbank.api.serializers import PerspectievenSerializer
from uitvoerbaar.kennisbank.constants import Oordeel
from uitvoerbaar.kennisbank.models import Artikel, Beginsel, Regeling
from uitvoerbaar.responsplicht import selectors_api
from uitvoerbaar.responsplicht.api.serializers import (
    TEKST_FOUT,
    BeginselCode,
    Invoer,
    ReactieverzoekDetailSerializer,
)
from uitvoerbaar.responsplicht.constants import Status as VerzoekStatus
from uitvoerbaar.responsplicht.models import Reactieverzoek

from .. import selectors
from ..constants import (
    Afzender,
    Handeling,
    Kanaal,
    KnelpuntStatus,
    Signaalsoort,
    Status,
    Uitkomst,
    Urgentie,
)
from ..models import Aanvulling, Bericht, Bijlage, Knelpunt, Noodrem, Onthulling, Signaal
from ..transitions import is_toegestaan


def _optioneel(source: str) -> serializers.CharField:
    """The read-only code of an optional link: null when there is none."""
    return serializers.CharField(source=source, read_only=True, default=None, allow_null=True)


# The signal's own states, under a name of their own in the schema (the response duty API
# already has a StatusEnum).
class Signaalstatus(models.TextChoices):
    ONTVANGEN = Status.ONTVANGEN.value, Status.ONTVANGEN.label
    IN_BEHANDELING = Status.IN_BEHANDELING.value, Status.IN_BEHANDELING.label
    VRAAG_AAN_MELDER = Status.VRAAG_AAN_MELDER.value, Status.VRAAG_AAN_MELDER.label
    AFGESLOTEN = Status.AFGESLOTEN.value, Status.AFGESLOTEN.label


class Signaalhandeling(models.TextChoices):
    """The moves of the API on a signal, as named in its paths."""

    IN_BEHANDELING = "in-behandeling", _("In behandeling nemen (bevestigt de ontvangst)")
    BERICHTEN = "berichten", _("Een bericht, vraag of terugkoppeling sturen")
    AFSLUITEN = "afsluiten", _("Afsluiten met een uitkomst")
    HEROPENEN = "heropenen", _("Heropenen")
    ONTHULLINGEN = "onthullingen", _("De vertrouwenspersoon vragen de naam bekend te maken")


def _url(context: Mapping[str, Any], naam: str, *args: Any) -> str:
    pad = reverse(naam, args=args)
    request = context.get("request")
    return request.build_absolute_uri(pad) if request is not None else pad


def _naam(gebruiker: Gebruiker | None) -> str | None:
    return str(gebruiker) if gebruiker is not None else None


# --- output: parts ---------------------------------------------------------------------------


class MelderSerializer(serializers.Serializer[Any]):
    """The reporter of a named signal. A confidential or anonymous signal has none."""

    gebruikersnaam = serializers.CharField(source="username", read_only=True)
    naam = serializers.CharField(source="__str__", read_only=True)


class BijlageKortSerializer(serializers.ModelSerializer[Bijlage]):
    class Meta:
        model = Bijlage
        fields = ["id", "naam", "soort", "grootte", "toegevoegd_op"]
        read_only_fields = fields


class BijlageSerializer(BijlageKortSerializer):
    """An attachment as the handlers see it, with where to download it."""

    url = serializers.SerializerMethodField()

    class Meta(BijlageKortSerializer.Meta):
        fields = [*BijlageKortSerializer.Meta.fields, "url"]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_url(self, obj: Bijlage) -> str:
        return _url(self.context, "api:signaal-bijlage", obj.signaal_id, obj.pk)


class SignaalberichtSerializer(serializers.ModelSerializer[Bericht]):
    """A message of the dialogue as the handlers see it: who wrote a handler's message. A
    reporter's message names them only on a named signal."""

    afzender = KeuzeVeld(Afzender, read_only=True)
    auteur = serializers.SerializerMethodField()
    vraag = serializers.BooleanField(source="is_vraag", read_only=True)
    terugkoppeling = serializers.BooleanField(source="is_terugkoppeling", read_only=True)

    class Meta:
        model = Bericht
        fields = ["id", "afzender", "auteur", "tekst", "vraag", "terugkoppeling", "geplaatst_op"]
        read_only_fields = fields

    def get_auteur(self, obj: Bericht) -> str | None:
        if obj.afzender == Afzender.MELDER and obj.signaal.kanaal != Kanaal.BENOEMD:
            return None  # never stored, and never shown
        return _naam(obj.auteur)


class MelderberichtSerializer(serializers.ModelSerializer[Bericht]):
    """A message as the reporter sees it: who sent it by role, not by name."""

    afzender = KeuzeVeld(Afzender, read_only=True)
    vraag = serializers.BooleanField(source="is_vraag", read_only=True)
    terugkoppeling = serializers.BooleanField(source="is_terugkoppeling", read_only=True)

    class Meta:
        model = Bericht
        fields = ["afzender", "tekst", "vraag", "terugkoppeling", "geplaatst_op"]
        read_only_fields = fields


class WbktermijnSerializer(serializers.Serializer[Any]):
    """A term of the Wet bescherming klokkenluiders: acknowledgement within 7 days, feedback
    within 3 months after it."""

    naam = serializers.CharField(read_only=True)
    uiterste_datum = serializers.DateField(read_only=True)
    status = KeuzeVeld(VerzoekStatus, read_only=True)
    status_label = serializers.CharField(read_only=True)
    beantwoord_op = serializers.DateTimeField(read_only=True, allow_null=True)
    te_laat = serializers.BooleanField(read_only=True)


class VerzoekKortSerializer(serializers.ModelSerializer[Reactieverzoek]):
    """A request of the response duty engine, in short; its detail and the moves on it are at
    `url` (/api/v1/reactieverzoeken/{id})."""

    kenmerk = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()
    status = KeuzeVeld(VerzoekStatus, read_only=True)
    te_laat = serializers.SerializerMethodField()

    class Meta:
        model = Reactieverzoek
        fields = ["id", "kenmerk", "url", "status", "niveau", "uiterste_datum", "te_laat"]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_url(self, obj: Reactieverzoek) -> str:
        return _url(self.context, "api:reactieverzoek", obj.pk)

    def get_te_laat(self, obj: Reactieverzoek) -> bool:
        return selectors_api.is_te_laat(obj)


class OnthullingSerializer(serializers.ModelSerializer[Onthulling]):
    """A handler's request to learn a confidential reporter's name, and the custodian's
    decision. It never contains the name."""

    gevraagd_door = serializers.SerializerMethodField()

    class Meta:
        model = Onthulling
        fields = ["id", "status", "reden", "gevraagd_door", "gevraagd_op", "besloten_op"]
        read_only_fields = fields

    def get_gevraagd_door(self, obj: Onthulling) -> str:
        return str(obj.gevraagd_door)


# --- output: signals, for handlers -----------------------------------------------------------


class SignaalSerializer(serializers.ModelSerializer[Signaal]):
    """A signal in a list, as handlers, the bestuur and the vertrouwenspersoon see it."""

    kenmerk = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()
    soort = KeuzeVeld(Signaalsoort, read_only=True)
    kanaal = KeuzeVeld(Kanaal, read_only=True)
    urgentie = KeuzeVeld(Urgentie, read_only=True)
    status = KeuzeVeld(Signaalstatus, read_only=True)
    organisatie = OrganisatieKortSerializer(read_only=True)
    eenheid = serializers.CharField(
        source="eenheid.naam", read_only=True, default=None, allow_null=True
    )
    regeling = _optioneel("regeling.code")
    artikel = _optioneel("artikel.nummer")
    behandelrol = KeuzeVeld(Rol, read_only=True)
    melder = serializers.SerializerMethodField(
        help_text=_("Wie meldde: alleen bij een signaal met naam; anders null.")
    )
    knelpunt = serializers.PrimaryKeyRelatedField(  # type: ignore[var-annotated]
        read_only=True, allow_null=True
    )

    class Meta:
        model = Signaal
        fields = [
            "id",
            "kenmerk",
            "url",
            "titel",
            "soort",
            "kanaal",
            "urgentie",
            "status",
            "organisatie",
            "eenheid",
            "regeling",
            "artikel",
            "behandelrol",
            "melder",
            "knelpunt",
            "ontvangen_op",
            "afgesloten_op",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_url(self, obj: Signaal) -> str:
        return _url(self.context, "api:signaal", obj.pk)

    @extend_schema_field(MelderSerializer(allow_null=True))
    def get_melder(self, obj: Signaal) -> dict[str, Any] | None:
        # Only the named channel keeps a reporter; checked on the channel too, so that a
        # mistake elsewhere can never put a confidential reporter in a response.
        if obj.kanaal != Kanaal.BENOEMD or obj.melder_id is None:
            return None
        return MelderSerializer(obj.melder).data


class SignaalDetailSerializer(SignaalSerializer):
    """One signal with its text, the dialogue, the Wbk terms and the moves the caller may make."""

    beginselen: serializers.SlugRelatedField[Beginsel] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="code"
    )
    perspectieven = PerspectievenSerializer(read_only=True, allow_null=True)
    persoonsgegevens = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text=_("Soorten persoonsgegevens die de melder als noodzakelijk bevestigde."),
    )
    bijlagen = BijlageSerializer(many=True, read_only=True)
    berichten = SignaalberichtSerializer(many=True, read_only=True)
    uitkomst = KeuzeVeld(Uitkomst, read_only=True, allow_blank=True)
    over_signaal = serializers.PrimaryKeyRelatedField(  # type: ignore[var-annotated]
        read_only=True, allow_null=True
    )
    ontvangstbevestiging = VerzoekKortSerializer(read_only=True, allow_null=True)
    terugkoppeling = VerzoekKortSerializer(read_only=True, allow_null=True)
    termijnen = serializers.SerializerMethodField()
    onthullingen = serializers.SerializerMethodField()
    mogelijke_handelingen = serializers.SerializerMethodField()

    class Meta(SignaalSerializer.Meta):
        fields = [
            *SignaalSerializer.Meta.fields,
            "tekst",
            "voorstel",
            "beginselen",
            "perspectieven",
            "persoonsgegevens",
            "bijlagen",
            "berichten",
            "uitkomst",
            "uitkomst_toelichting",
            "over_signaal",
            "identiteit_onthuld",
            "ontvangstbevestiging",
            "terugkoppeling",
            "termijnen",
            "onthullingen",
            "mogelijke_handelingen",
        ]
        read_only_fields = fields

    @extend_schema_field(WbktermijnSerializer(many=True))
    def get_termijnen(self, obj: Signaal) -> list[dict[str, Any]]:
        return WbktermijnSerializer(selectors.wbk_termijnen(obj), many=True).data  # type: ignore[return-value]

    @extend_schema_field(OnthullingSerializer(many=True))
    def get_onthullingen(self, obj: Signaal) -> list[dict[str, Any]]:
        if obj.kanaal != Kanaal.VERTROUWELIJK:
            return []
        qs = obj.onthullingen.select_related("gevraagd_door")
        return OnthullingSerializer(qs, many=True).data  # type: ignore[return-value]

    @extend_schema_field(
        serializers.ListField(
            child=KeuzeVeld(Signaalhandeling),
            help_text=_("De handelingen die u nu mag doen (de paden onder dit signaal)."),
        )
    )
    def get_mogelijke_handelingen(self, obj: Signaal) -> list[str]:
        return mogelijke_handelingen(self.context["request"].user, obj)


def mogelijke_handelingen(user: Gebruiker, signaal: Signaal) -> list[str]:
    if not policy.allows(user, "signaal.behandelen", signaal):
        return []
    status = Status(signaal.status)
    uit = []
    if is_toegestaan(Handeling.IN_BEHANDELING_NEMEN, status):
        uit.append(Signaalhandeling.IN_BEHANDELING.value)
    if is_toegestaan(Handeling.BERICHT_STUREN, status):
        uit.append(Signaalhandeling.BERICHTEN.value)
    if is_toegestaan(Handeling.AFSLUITEN, status):
        uit.append(Signaalhandeling.AFSLUITEN.value)
    if is_toegestaan(Handeling.HEROPENEN, status):
        uit.append(Signaalhandeling.HEROPENEN.value)
    if (
        signaal.kanaal == Kanaal.VERTROUWELIJK
        and not signaal.identiteit_onthuld
        and not any(o.status == "gevraagd" for o in signaal.onthullingen.all())
    ):
        uit.append(Signaalhandeling.ONTHULLINGEN.value)
    return uit


# --- output: signals, for the reporter -------------------------------------------------------


class AnoniemSignaalSerializer(serializers.ModelSerializer[Signaal]):
    """A signal as its reporter sees it: state, the dialogue (by role, not by name), the
    attachments and the Wbk terms."""

    kenmerk = serializers.CharField(read_only=True)
    soort = KeuzeVeld(Signaalsoort, read_only=True)
    kanaal = KeuzeVeld(Kanaal, read_only=True)
    urgentie = KeuzeVeld(Urgentie, read_only=True)
    status = KeuzeVeld(Signaalstatus, read_only=True)
    wacht_op_u = serializers.SerializerMethodField(
        help_text=_("De behandelaar heeft u een vraag gesteld die nog open staat.")
    )
    organisatie = OrganisatieKortSerializer(read_only=True)
    regeling = _optioneel("regeling.code")
    artikel = _optioneel("artikel.nummer")
    uitkomst = KeuzeVeld(Uitkomst, read_only=True, allow_blank=True)
    berichten = MelderberichtSerializer(many=True, read_only=True)
    bijlagen = BijlageKortSerializer(many=True, read_only=True)
    termijnen = serializers.SerializerMethodField()

    class Meta:
        model = Signaal
        fields = [
            "kenmerk",
            "titel",
            "tekst",
            "voorstel",
            "soort",
            "kanaal",
            "urgentie",
            "status",
            "wacht_op_u",
            "organisatie",
            "regeling",
            "artikel",
            "ontvangen_op",
            "afgesloten_op",
            "uitkomst",
            "uitkomst_toelichting",
            "berichten",
            "bijlagen",
            "termijnen",
        ]
        read_only_fields = fields

    def get_wacht_op_u(self, obj: Signaal) -> bool:
        return obj.status == Status.VRAAG_AAN_MELDER

    @extend_schema_field(WbktermijnSerializer(many=True))
    def get_termijnen(self, obj: Signaal) -> list[dict[str, Any]]:
        return WbktermijnSerializer(selectors.wbk_termijnen(obj), many=True).data  # type: ignore[return-value]


class OntvangenAnoniemSerializer(AnoniemSignaalSerializer):
    """The answer to an anonymous intake: the one and only time the receipt code is shown."""

    ontvangstcode = serializers.SerializerMethodField(
        help_text=_(
            "Uw ontvangstcode (16 cijfers). Bewaar hem goed: hij wordt maar één keer getoond "
            "en is niet terug te halen. Met deze code leest u antwoorden en vult u aan."
        )
    )

    class Meta(AnoniemSignaalSerializer.Meta):
        fields = ["ontvangstcode", *AnoniemSignaalSerializer.Meta.fields]
        read_only_fields = fields

    def get_ontvangstcode(self, obj: Signaal) -> str:
        return str(self.context["ontvangstcode"])


class EigenSignaalKortSerializer(serializers.ModelSerializer[Signaal]):
    """One of the caller's own signals in a list."""

    kenmerk = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()
    soort = KeuzeVeld(Signaalsoort, read_only=True)
    kanaal = KeuzeVeld(Kanaal, read_only=True)
    status = KeuzeVeld(Signaalstatus, read_only=True)
    organisatie = OrganisatieKortSerializer(read_only=True)

    class Meta:
        model = Signaal
        fields = [
            "id",
            "kenmerk",
            "url",
            "titel",
            "soort",
            "kanaal",
            "status",
            "organisatie",
            "ontvangen_op",
            "afgesloten_op",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_url(self, obj: Signaal) -> str:
        return _url(self.context, "api:eigen-signaal", obj.pk)


class EigenSignaalSerializer(AnoniemSignaalSerializer):
    """One of the caller's own signals (named or confidential)."""

    url = serializers.SerializerMethodField()

    class Meta(AnoniemSignaalSerializer.Meta):
        fields = ["id", "url", *AnoniemSignaalSerializer.Meta.fields, "identiteit_onthuld"]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_url(self, obj: Signaal) -> str:
        return _url(self.context, "api:eigen-signaal", obj.pk)


# --- output: noodremmen and knelpunten ------------------------------------------------------


class NoodremAanvullingSerializer(serializers.ModelSerializer[Aanvulling]):
    door = serializers.SerializerMethodField()

    class Meta:
        model = Aanvulling
        fields = ["id", "door", "tekst", "geplaatst_op"]
        read_only_fields = fields

    def get_door(self, obj: Aanvulling) -> str:
        return str(obj.door)


class NoodremSerializer(serializers.ModelSerializer[Noodrem]):
    """A noodrem in a list, with the state of its request to the bestuur."""

    kenmerk = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()
    organisatie = OrganisatieKortSerializer(read_only=True)
    eenheid = serializers.CharField(
        source="eenheid.naam", read_only=True, default=None, allow_null=True
    )
    getrokken_door = serializers.SerializerMethodField()
    regeling = _optioneel("regeling.code")
    artikel = _optioneel("artikel.nummer")
    verzoek = VerzoekKortSerializer(read_only=True)

    class Meta:
        model = Noodrem
        fields = [
            "id",
            "kenmerk",
            "url",
            "titel",
            "organisatie",
            "eenheid",
            "getrokken_door",
            "regeling",
            "artikel",
            "getrokken_op",
            "verzoek",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_url(self, obj: Noodrem) -> str:
        return _url(self.context, "api:noodrem", obj.pk)

    def get_getrokken_door(self, obj: Noodrem) -> str:
        return str(obj.door)


class NoodremDetailSerializer(NoodremSerializer):
    """One noodrem: the harm, what must stop, the principles at risk, what was added later, and
    its request to the bestuur with the levels reached, the answers (pas toe or leg uit) and the
    moves the caller may make there (through /api/v1/reactieverzoeken/{id})."""

    beginselen: serializers.SlugRelatedField[Beginsel] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="code"
    )
    signaal = serializers.PrimaryKeyRelatedField(  # type: ignore[var-annotated]
        read_only=True, allow_null=True
    )
    aanvullingen = NoodremAanvullingSerializer(many=True, read_only=True)
    verzoek = serializers.SerializerMethodField()  # type: ignore[assignment]

    class Meta(NoodremSerializer.Meta):
        fields = [
            *NoodremSerializer.Meta.fields,
            "schade",
            "stoppen",
            "beginselen",
            "signaal",
            "aanvullingen",
        ]
        read_only_fields = fields

    @extend_schema_field(ReactieverzoekDetailSerializer)
    def get_verzoek(self, obj: Noodrem) -> dict[str, Any]:
        request = self.context["request"]
        verzoek = selectors_api.verzoek_detail(user=request.user, pk=obj.verzoek_id)
        return ReactieverzoekDetailSerializer(verzoek, context=self.context).data


class KnelpuntSerializer(serializers.ModelSerializer[Knelpunt]):
    kenmerk = serializers.CharField(read_only=True)
    status = KeuzeVeld(KnelpuntStatus, read_only=True)
    organisatie = OrganisatieKortSerializer(read_only=True)
    regeling = serializers.CharField(source="regeling.code", read_only=True)
    artikel = _optioneel("artikel.nummer")
    aantal_signalen = serializers.IntegerField(read_only=True)

    class Meta:
        model = Knelpunt
        fields = [
            "id",
            "kenmerk",
            "naam",
            "omschrijving",
            "status",
            "organisatie",
            "regeling",
            "artikel",
            "aantal_signalen",
            "naar_eigenaar_op",
            "naar_stand_op",
            "aangemaakt_op",
        ]
        read_only_fields = fields


# --- input -----------------------------------------------------------------------------------

JA_NEE = _("Gebruik true of false.")


def _tekst(verplicht: Any = None, **kwargs: Any) -> serializers.CharField:
    """A text field; a blank or too long text is refused by the service, with its message."""
    if verplicht is None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("default", "")
    return serializers.CharField(
        allow_blank=True,
        trim_whitespace=False,
        error_messages={
            "required": verplicht or TEKST_FOUT,
            "null": verplicht or TEKST_FOUT,
            "invalid": TEKST_FOUT,
        },
        **kwargs,
    )


def _bevestigd() -> serializers.BooleanField:
    return serializers.BooleanField(
        required=False,
        default=False,
        help_text=_(
            "true: de persoonsgegevens van een burger in de tekst zijn echt nodig. Zonder "
            "bevestiging wordt tekst met een BSN, IBAN, e-mailadres of telefoonnummer geweigerd."
        ),
        error_messages={"invalid": JA_NEE},
    )


def _bijlagen() -> serializers.ListField:
    return serializers.ListField(
        child=serializers.FileField(
            error_messages={
                "invalid": _("Stuur een bijlage als bestand (multipart/form-data)."),
                "empty": _("Dit bestand is leeg."),
                "no_name": _("Dit bestand heeft geen naam."),
            }
        ),
        required=False,
        default=list,
        help_text=_(
            "Bijlagen (alleen met multipart/form-data): pdf, png, jpg, txt, docx of odt, "
            "hoogstens 10 MB per bestand en 5 per signaal."
        ),
        error_messages={"not_a_list": _("Stuur de bijlagen als bestanden.")},
    )


class _Regeling(serializers.SlugRelatedField[Regeling]):
    default_error_messages = {
        "does_not_exist": _("Er is geen regeling met de code {value} (zie /regelingen)."),
        "invalid": _("Geef de code van een regeling."),
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            slug_field="code",
            queryset=Regeling.objects.all(),
            required=False,
            allow_null=True,
            default=None,
            **kwargs,
        )


class _Organisatie(serializers.SlugRelatedField[Organisatie]):
    default_error_messages = {
        "does_not_exist": _("Er is geen organisatie met de korte naam {value}."),
        "invalid": _("Geef de korte naam (slug) van een organisatie."),
        "required": _("Kies de organisatie waar het over gaat."),
        "null": _("Kies de organisatie waar het over gaat."),
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="slug", queryset=Organisatie.objects.all(), **kwargs)


class _Eenheid(serializers.PrimaryKeyRelatedField[Eenheid]):
    default_error_messages = {
        "does_not_exist": _("Er is geen eenheid met nummer {pk_value}."),
        "incorrect_type": _("Geef het nummer van een eenheid."),
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            queryset=Eenheid.objects.all(), required=False, allow_null=True, default=None, **kwargs
        )


def _artikel_nummer() -> serializers.CharField:
    return serializers.CharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        default=None,
        help_text=_("Het nummer van het artikel in de gekozen regeling, bijvoorbeeld 26."),
        error_messages={"invalid": _("Geef het nummer van het artikel als tekst.")},
    )


def _zoek_artikel(data: dict[str, Any]) -> dict[str, Any]:
    """The article number within the chosen regulation, as an Artikel."""
    nummer = (data.get("artikel") or "").strip()
    data["artikel"] = None
    if not nummer:
        return data
    regeling: Regeling | None = data.get("regeling")
    if regeling is None:
        raise serializers.ValidationError(
            {"regeling": _("Kies ook de regeling waar dit artikel bij hoort.")}
        )
    artikel = Artikel.objects.filter(regeling=regeling, nummer=nummer).first()
    if artikel is None:
        raise serializers.ValidationError(
            {
                "artikel": _("%(regeling)s heeft geen artikel %(nummer)s.")
                % {"regeling": regeling.naam, "nummer": nummer[:30]}
            }
        )
    data["artikel"] = artikel
    return data


class _Formulierinvoer(Invoer):
    """Invoer that also takes multipart/form-data, where a nested field arrives as
    `perspectieven.juridisch_oordeel`."""

    def to_internal_value(self, data: Any) -> Any:
        if hasattr(data, "getlist"):
            # Known when the part before the dot is a field; Invoer then sees only known keys.
            onbekend = {
                str(k): [_("Dit veld bestaat niet. Laat het weg.")]
                for k in data
                if str(k).split(".", 1)[0] not in self.fields
            }
            try:
                waarde = serializers.Serializer.to_internal_value(self, data)
            except serializers.ValidationError as exc:
                fouten = exc.detail if isinstance(exc.detail, dict) else {"": exc.detail}
                raise serializers.ValidationError({**fouten, **onbekend}) from None
            if onbekend:
                raise serializers.ValidationError(onbekend)
            return waarde
        return super().to_internal_value(data)


_OORDEEL_FOUT = _("Kies een oordeel: niet_beoordeeld, geen_zorgen, zorgen of ernstige_zorgen.")


def _oordeel() -> KeuzeVeld:
    return KeuzeVeld(
        Oordeel,
        required=False,
        error_messages={"invalid_choice": _OORDEEL_FOUT, "null": _OORDEEL_FOUT},
    )


class SignaalPerspectievenInvoer(Invoer):
    """The four perspectives (seed action U3), each optional. A concern (zorgen, ernstige
    zorgen) must be explained."""

    juridisch_oordeel = _oordeel()
    juridisch_toelichting = _tekst()
    financieel_oordeel = _oordeel()
    financieel_toelichting = _tekst()
    professioneel_oordeel = _oordeel()
    professioneel_toelichting = _tekst()
    burger_oordeel = _oordeel()
    burger_toelichting = _tekst()


class SignaalInvoer(_Formulierinvoer):
    """A new signal. As JSON, or as multipart/form-data when attachments come along."""

    kanaal = KeuzeVeld(
        Kanaal,
        help_text=_(
            "benoemd of vertrouwelijk: ingelogd, bij een organisatie waar u werkt. anoniem: "
            "zonder inloggen; u krijgt één keer een ontvangstcode."
        ),
        error_messages={
            "required": _("Kies hoe u wilt melden: met naam, vertrouwelijk of anoniem."),
            "null": _("Kies hoe u wilt melden: met naam, vertrouwelijk of anoniem."),
            "invalid_choice": _("Kies hoe u wilt melden: met naam, vertrouwelijk of anoniem."),
        },
    )
    organisatie = _Organisatie(help_text=_("Korte naam (slug) van de organisatie."))
    titel = _tekst(_("Geef het signaal een korte titel."), help_text=_("Een korte titel."))
    tekst = _tekst(_("Beschrijf wat er is gebeurd."), help_text=_("Wat er is gebeurd."))
    voorstel = _tekst(help_text=_("Een voorstel voor een oplossing (mag leeg)."))
    urgentie = KeuzeVeld(
        Urgentie,
        required=False,
        default=Urgentie.NORMAAL,
        error_messages={"invalid_choice": _("Kies de urgentie: normaal, hoog of spoed.")},
    )
    soort = KeuzeVeld(
        Signaalsoort,
        required=False,
        default=Signaalsoort.SIGNAAL,
        help_text=_("benadeling: u meldt nadeel na een eerder signaal (altijd vertrouwelijk)."),
        error_messages={"invalid_choice": _("Kies de soort: signaal of benadeling.")},
    )
    over_signaal = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Bij benadeling: het nummer van uw eerdere signaal."),
        error_messages={"invalid": _("Geef het nummer van uw eerdere signaal.")},
    )
    eenheid = _Eenheid(help_text=_("Het nummer van de eenheid waar het speelt (mag leeg)."))
    regeling = _Regeling(help_text=_("Code van de regeling; leeg als u het niet weet."))
    artikel = _artikel_nummer()
    beginselen = BeginselCode(
        many=True,
        required=False,
        help_text=_("Codes van de beginselen die in gevaar zijn (zie /beginselen)."),
        error_messages={"not_a_list": _("Geef de beginselen als een lijst van codes.")},
    )
    perspectieven = SignaalPerspectievenInvoer(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("De vier perspectieven, elk met een oordeel en een toelichting (mag leeg)."),
    )
    persoonsgegevens_bevestigd = _bevestigd()
    bijlagen = _bijlagen()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs.setdefault("beginselen", [])
        return _zoek_artikel(attrs)


class AanvullingInvoer(_Formulierinvoer):
    """What the reporter adds, or their answer to a question."""

    tekst = _tekst(_("Schrijf uw aanvulling."), help_text=_("Uw aanvulling of antwoord."))
    persoonsgegevens_bevestigd = _bevestigd()
    bijlagen = _bijlagen()


def _code() -> serializers.CharField:
    return serializers.CharField(
        help_text=_("De ontvangstcode van 16 cijfers (spaties en streepjes mogen)."),
        max_length=64,
        error_messages={
            "required": _("Vul uw ontvangstcode in."),
            "null": _("Vul uw ontvangstcode in."),
            "blank": _("Vul uw ontvangstcode in."),
            "invalid": _("Vul uw ontvangstcode in."),
            "max_length": _("Een ontvangstcode heeft 16 cijfers."),
        },
    )


class OntvangstcodeInvoer(Invoer):
    ontvangstcode = _code()


class OntvangstcodeAanvullingInvoer(AanvullingInvoer):
    ontvangstcode = _code()


class InBehandelingInvoer(Invoer):
    bericht = _tekst(help_text=_("Wat de melder hoort; leeg: een standaardbericht met de termijn."))


class BerichtInvoer(Invoer):
    tekst = _tekst(_("Schrijf een bericht."), help_text=_("Het bericht aan de melder."))
    vraag = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_("true: een vraag; het signaal wacht dan op de melder."),
        error_messages={"invalid": JA_NEE},
    )
    terugkoppeling = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_("true: dit is de terugkoppeling van de Wet bescherming klokkenluiders."),
        error_messages={"invalid": JA_NEE},
    )


class AfsluitenInvoer(Invoer):
    uitkomst = KeuzeVeld(
        Uitkomst,
        help_text=_("Waarom het signaal wordt afgesloten."),
        error_messages={
            "required": _("Kies de uitkomst: waarom sluit u dit signaal af?"),
            "null": _("Kies de uitkomst: waarom sluit u dit signaal af?"),
            "invalid_choice": _("Kies de uitkomst: waarom sluit u dit signaal af?"),
        },
    )
    toelichting = _tekst(
        _("Schrijf wat de melder hoort over de uitkomst."),
        help_text=_("Wat de melder hoort over de uitkomst."),
    )


class HeropenenInvoer(Invoer):
    reden = _tekst(_("Schrijf waarom u het signaal heropent."), help_text=_("Waarom."))


class OnthullingInvoer(Invoer):
    reden = _tekst(
        _("Leg uit waarom u de naam van de melder nodig hebt."),
        help_text=_("Waarom u de naam nodig hebt; de vertrouwenspersoon beslist."),
    )


class OnthullingBesluitInvoer(Invoer):
    toestaan = serializers.BooleanField(
        help_text=_("true: de naam bekendmaken aan de behandelaars; false: geheim houden."),
        error_messages={"required": _("Kies: bekendmaken of geheim houden.")},
    )
    toelichting = _tekst(
        _("Leg uw besluit uit; de behandelaar en de melder lezen het."),
        help_text=_("De uitleg van het besluit."),
    )


class IdentiteitSerializer(serializers.Serializer[Any]):
    """A confidential reporter as the vertrouwenspersoon (or, after approved disclosure, the
    handlers) may see them. Every reading is in the access log."""

    naam = serializers.CharField(read_only=True)
    email = serializers.CharField(read_only=True)


class NoodremInvoer(Invoer):
    organisatie = _Organisatie(
        help_text=_("Korte naam (slug) van de organisatie waar u werkt en de noodrem trekt.")
    )
    titel = _tekst(_("Geef de noodrem een korte titel."), help_text=_("Een korte titel."))
    schade = _tekst(_("Beschrijf welke schade ontstaat."), help_text=_("Welke schade ontstaat."))
    stoppen = _tekst(_("Schrijf op wat nu moet stoppen."), help_text=_("Wat nu moet stoppen."))
    beginselen = BeginselCode(
        many=True,
        help_text=_("Codes van de beginselen die in gevaar zijn (ten minste één)."),
        error_messages={
            "required": _("Kies ten minste één beginsel van behoorlijk bestuur dat in gevaar is."),
            "null": _("Kies ten minste één beginsel van behoorlijk bestuur dat in gevaar is."),
            "not_a_list": _("Geef de beginselen als een lijst van codes."),
        },
    )
    eenheid = _Eenheid(help_text=_("Het nummer van de eenheid waar het speelt (mag leeg)."))
    regeling = _Regeling(help_text=_("Code van de regeling (mag leeg)."))
    artikel = _artikel_nummer()
    signaal = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Het nummer van een signaal waar deze noodrem bij hoort (mag leeg)."),
        error_messages={"invalid": _("Geef het nummer van een signaal.")},
    )
    persoonsgegevens_bevestigd = _bevestigd()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return _zoek_artikel(attrs)


class NoodremAanvullingInvoer(Invoer):
    tekst = _tekst(_("Schrijf uw aanvulling."), help_text=_("Wat u toevoegt."))


# --- filters (query parameters) --------------------------------------------------------------


class SignaalFilter(serializers.Serializer[Any]):
    status = KeuzeVeld(
        Signaalstatus,
        required=False,
        help_text=_("Alleen signalen met deze status."),
        error_messages={"invalid_choice": _("Kies een status uit de lijst.")},
    )
    kanaal = KeuzeVeld(
        Kanaal,
        required=False,
        help_text=_("Alleen signalen uit dit kanaal."),
        error_messages={"invalid_choice": _("Kies benoemd, vertrouwelijk of anoniem.")},
    )
    regeling = serializers.CharField(
        required=False, help_text=_("Code van de regeling (zie /regelingen).")
    )
    zoek = serializers.CharField(
        required=False, max_length=100, help_text=_("Woorden in de titel of de tekst.")
    )

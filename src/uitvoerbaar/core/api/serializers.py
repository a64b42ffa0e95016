from rest_framework import serializers

from uitvoerbaar.core.models import Eenheid, Gebruiker, Lidmaatschap, Organisatie


class OrganisatieKortSerializer(serializers.ModelSerializer[Organisatie]):
    class Meta:
        model = Organisatie
        fields = ["slug", "naam", "afkorting", "soort"]


class EenheidSerializer(serializers.ModelSerializer[Eenheid]):
    class Meta:
        model = Eenheid
        fields = ["id", "naam", "bovenliggend"]


class LidmaatschapSerializer(serializers.ModelSerializer[Lidmaatschap]):
    organisatie = OrganisatieKortSerializer(read_only=True)
    eenheid = serializers.CharField(source="eenheid.naam", default=None, read_only=True)
    gebruiker = serializers.CharField(source="gebruiker.__str__", read_only=True)

    class Meta:
        model = Lidmaatschap
        fields = ["gebruiker", "organisatie", "eenheid", "rol"]


class OrganisatieSerializer(serializers.ModelSerializer[Organisatie]):
    eenheden = EenheidSerializer(many=True, read_only=True)
    eigenaar_ministerie = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Organisatie
        fields = ["slug", "naam", "afkorting", "soort", "eigenaar_ministerie", "eenheden"]


class IkSerializer(serializers.ModelSerializer[Gebruiker]):
    naam = serializers.CharField(source="__str__", read_only=True)
    lidmaatschappen = serializers.SerializerMethodField()
    tweede_factor_vereist = serializers.BooleanField(read_only=True)

    class Meta:
        model = Gebruiker
        fields = ["username", "naam", "tweede_factor_vereist", "lidmaatschappen"]

    def get_lidmaatschappen(self, obj: Gebruiker) -> list[dict[str, object]]:
        return LidmaatschapSerializer(obj.actieve_lidmaatschappen(), many=True).data  # type: ignore[return-value]

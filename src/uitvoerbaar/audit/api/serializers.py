from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class KetenKopSerializer(serializers.Serializer):
    aantal = serializers.IntegerField(
        source="volgnummer", read_only=True, help_text=_("Aantal gebeurtenissen in de keten.")
    )
    hash = serializers.CharField(
        read_only=True,
        help_text=_("SHA-256-hash van de laatste gebeurtenis (64 nullen als de keten leeg is)."),
    )

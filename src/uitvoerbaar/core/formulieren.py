"""Running a service for a form, for every app: the service decides, the form shows.

A service refuses bad input with a ValidationError (a message per field) and a move the state
does not allow with an OngeldigeOvergang; these helpers put either on the form, next to the
field it concerns, so the page shows the same Dutch message the API answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from .transitions import OngeldigeOvergang

# The NL Design System (Utrecht) classes of the form controls, the same on every page.
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
TEXTAREA = "utrecht-textarea utrecht-textarea--html-textarea"
SELECT = "utrecht-select utrecht-select--html-select"
RADIO = "utrecht-radio-button utrecht-radio-button--html-input"


def fouten_naar_form(
    form: forms.BaseForm, exc: ValidationError, velden: dict[str, str] | None = None
) -> None:
    """Put a service's ValidationError on the form: each message next to its field (`velden`
    maps a service field name to the form's, when they differ; a nested name such as
    `perspectieven.burger` lands on its first part), the rest above the form. A form
    whose fields differ from the service's names may place a message itself with
    `plaats_fout(naam, meldingen) -> bool`."""
    velden = velden or {}
    if not hasattr(exc, "error_dict"):
        form.add_error(None, ValidationError(exc.messages))
        return
    plaats_fout = getattr(form, "plaats_fout", None)
    for sleutel, teksten in exc.message_dict.items():
        meldingen = ValidationError(teksten)
        naam = velden.get(sleutel, sleutel)
        if naam not in form.fields:
            naam = naam.split(".")[0]
        if naam in form.fields:
            form.add_error(naam, meldingen)
        elif plaats_fout is None or not plaats_fout(naam, meldingen):
            form.add_error(None, meldingen)


def uitvoeren(
    form: forms.Form,
    actie: Callable[[], Any],
    velden: dict[str, str] | None = None,
    *,
    conflicten: tuple[type[Exception], ...] = (OngeldigeOvergang,),
) -> tuple[Any, int]:
    """Run a service for a valid form: (its result, 200); otherwise (None, 400) with the
    service's ValidationError on the form (`fouten_naar_form`), or (None, 409) with the message
    of one of `conflicten` (by default a move the state does not allow) above the form."""
    if not form.is_valid():
        return None, 400
    try:
        return actie(), 200
    except ValidationError as exc:
        fouten_naar_form(form, exc, velden)
        return None, 400
    except conflicten as exc:
        form.add_error(None, str(exc))
        return None, 409

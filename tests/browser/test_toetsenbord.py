"""Keyboard use: the skip link comes first and takes focus past the header to the content."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIEF = "() => { const e = document.activeElement; return [e.tagName, e.id, e.className]; }"

# The first element of the page's tab order (document order, tabindex >= 0, rendered).
EERSTE_FOCUSBARE = """() => {
  const kandidaten = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]');
  for (const e of kandidaten) {
    if (e.tabIndex < 0 || e.disabled) continue;
    const stijl = getComputedStyle(e);
    if (stijl.display === 'none' || stijl.visibility === 'hidden') continue;
    return e.className;
  }
  return null;
}"""

# After the content: the element is inside <main> or after it, never back in the header.
NA_DE_KOP = """() => {
  const main = document.getElementById('inhoud'), e = document.activeElement;
  return !document.querySelector('header').contains(e) &&
    (main.contains(e) || !!(main.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING));
}"""


@pytest.mark.parametrize("pad", ["/", "/inloggen/", "/audit/keten/", "/bestaat-niet/"])
def test_skip_link_is_the_first_focusable_element(page: Any, pad: str) -> None:
    page.goto(pad)
    assert "nl-skip-link" in page.evaluate(EERSTE_FOCUSBARE)


@pytest.mark.parametrize("pad", ["/", "/audit/keten/"])
def test_tab_reaches_skip_link_first_and_enter_moves_focus_to_main(page: Any, pad: str) -> None:
    page.goto(pad)
    skip = page.locator("a.nl-skip-link")
    box = skip.bounding_box()
    assert box is None or box["y"] + box["height"] <= 0, "hidden until it has focus"

    page.keyboard.press("Tab")
    tag, _id, klassen = page.evaluate(ACTIEF)
    assert tag == "A" and "nl-skip-link" in klassen
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0 and box["height"] > 0, "visible when focused"
    assert skip.inner_text() == "Direct naar de inhoud"

    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#inhoud"
    tag, id_, _klassen = page.evaluate(ACTIEF)
    assert (tag, id_) == ("MAIN", "inhoud")

    # the next Tab continues in the content (or after it), not back in the header
    page.keyboard.press("Tab")
    assert page.evaluate(NA_DE_KOP)
    if pad == "/":
        assert page.evaluate("() => document.activeElement.textContent.trim()") == (
            "Beginselen van goed bestuur"
        )

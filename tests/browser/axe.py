"""axe-core in the browser: inject it, run the WCAG 2.1 A/AA rules, fail on serious or critical
violations with enough detail (rule, impact, the elements) to fix them without a rerun."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

AXE_JS = Path(__file__).resolve().parents[2] / "build" / "vendor" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ERNSTIG = frozenset({"serious", "critical"})


@cache
def _axe_bron() -> str:
    if not AXE_JS.exists():
        raise AssertionError(f"{AXE_JS} ontbreekt: run `make assets` (scripts/vendor-assets).")
    return AXE_JS.read_text(encoding="utf-8")


def axe_resultaten(page: Any) -> dict[str, Any]:
    """Run axe-core on the current page. The script is evaluated through the DevTools protocol,
    which the page's strict Content Security Policy does not govern, so the page itself stays
    exactly as served."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_bron())
    resultaat: dict[str, Any] = page.evaluate(
        """async (tags) => await window.axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        WCAG_TAGS,
    )
    return resultaat


def ernstige_schendingen(resultaat: dict[str, Any]) -> list[dict[str, Any]]:
    return [v for v in resultaat["violations"] if v.get("impact") in ERNSTIG]


def beschrijf(schendingen: list[dict[str, Any]]) -> str:
    regels: list[str] = []
    for v in schendingen:
        regels.append(f"- {v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"][:10]:
            doel = " ".join(str(t) for t in node["target"])
            regels.append(f"    {doel}: {node.get('failureSummary', '').strip()}")
            regels.append(f"      {node.get('html', '')[:200]}")
        if len(v["nodes"]) > 10:
            regels.append(f"    … en nog {len(v['nodes']) - 10} elementen")
    return "\n".join(regels)


def assert_toegankelijk(page: Any) -> None:
    """Fail when axe-core finds a serious or critical WCAG 2.1 A/AA violation on the page."""
    schendingen = ernstige_schendingen(axe_resultaten(page))
    assert not schendingen, (
        f"axe-core vond {len(schendingen)} ernstige schending(en) op {page.url}:\n"
        + beschrijf(schendingen)
    )

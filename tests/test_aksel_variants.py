"""Every button in the templates asks for a variant and a colour that the shipped Aksel
stylesheets style: an unknown one draws the button as plain text, a "Refuse" that does not
look like a button."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AKSEL_CSS = ROOT / "node_modules" / "@navikt" / "ds-css" / "dist"
BUTTON = re.compile(r"<button\b[^>]*\bclass=\"aksel-button[^\"]*\"[^>]*>")


def styled(attribute: str, stylesheet: Path, prefix: str = "") -> set[str]:
    pattern = re.compile(rf'{re.escape(prefix)}\[{attribute}="([a-z-]+)"\]')
    return set(pattern.findall(stylesheet.read_text()))


def used(attribute: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for template in (ROOT / "src" / "velferd").rglob("*.html"):
        for button in BUTTON.findall(template.read_text()):
            for value in re.findall(rf'\b{attribute}="([a-z-]+)"', button):
                found.setdefault(value, set()).add(str(template.relative_to(ROOT)))
    return found


def test_every_button_variant_is_one_aksel_styles() -> None:
    known = styled("data-variant", AKSEL_CSS / "components.css", prefix=".aksel-button")
    assert {"primary", "secondary", "tertiary"} <= known
    unknown = {value: files for value, files in used("data-variant").items() if value not in known}
    assert unknown == {}


def test_every_button_colour_is_one_aksel_defines() -> None:
    known = styled("data-color", AKSEL_CSS / "global" / "tokens.css")
    assert "danger" in known
    unknown = {value: files for value, files in used("data-color").items() if value not in known}
    assert unknown == {}

"""Every Aksel component in the templates asks for a variant and a colour that the shipped
Aksel stylesheets style: an unknown one is drawn unstyled — a "Refuse" button as plain text,
a warning without its colour."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AKSEL_CSS = ROOT / "node_modules" / "@navikt" / "ds-css" / "dist"
COMPONENT = re.compile(r"<[a-z]+\b[^>]*\bclass=\"(aksel-[a-z]+)\b[^\"]*\"[^>]*>")


def styled_variants() -> set[tuple[str, str]]:
    css = (AKSEL_CSS / "components.css").read_text()
    return set(re.findall(r'\.(aksel-[a-z]+)\[data-variant="([a-z-]+)"\]', css))


def used(attribute: str) -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for template in (ROOT / "src" / "velferd").rglob("*.html"):
        for element in COMPONENT.finditer(template.read_text()):
            for value in re.findall(rf'\b{attribute}="([a-z-]+)"', element.group(0)):
                where = str(template.relative_to(ROOT))
                found.setdefault((element.group(1), value), set()).add(where)
    return found


def test_every_components_variant_is_one_aksel_styles() -> None:
    known = styled_variants()
    assert {("aksel-button", "primary"), ("aksel-button", "tertiary")} <= known
    unknown = {used_: files for used_, files in used("data-variant").items() if used_ not in known}
    assert unknown == {}


def test_every_colour_is_one_aksel_defines() -> None:
    tokens = (AKSEL_CSS / "global" / "tokens.css").read_text()
    known = set(re.findall(r'\[data-color="([a-z-]+)"\]', tokens))
    assert "danger" in known
    unknown = {used_: files for used_, files in used("data-color").items() if used_[1] not in known}
    assert unknown == {}

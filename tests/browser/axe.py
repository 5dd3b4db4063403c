"""Checks a page with axe-core (node_modules/axe-core) against WCAG 2.1 A and AA and axe's
best practices, and describes what it finds so that a developer can fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from playwright.sync_api import Page

AXE = Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

# Only the violations are worked out in full (resultTypes), which makes a run faster.
RUN = """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                   resultTypes: ['violations']})
  .then((results) => results.violations.map((v) => ({
    rule: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  })))"""


@dataclass(frozen=True)
class Violation:
    page: str
    login: str
    language: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        nodes = "\n      ".join(self.targets[:8])
        more = f"\n      … and {len(self.targets) - 8} more" if len(self.targets) > 8 else ""
        return (
            f"{self.page} as {self.login} ({self.language}): {self.rule} [{self.impact}] "
            f"{self.help}\n      {nodes}{more}"
        )


def violations(page: Page, login: str, language: str) -> list[Violation]:
    """What axe finds wrong on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    path = page.evaluate("() => location.pathname + location.search")
    return [
        Violation(path, login, language, v["rule"], v["impact"], v["help"], tuple(v["targets"]))
        for v in page.evaluate(RUN, TAGS)
    ]

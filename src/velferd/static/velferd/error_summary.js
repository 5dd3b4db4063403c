/* The error summary: focus moves to it when the page opens, so that a screen reader reads
   it out and a keyboard user starts there; each of its links moves focus to its field and
   shows the field's label. Without JavaScript the summary is still first in the page.
   Loaded right after the summary (not deferred), so that its links work at once. */
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (!summary) return;

  // A form sent from an address with a field's #fragment comes back to that address; the
  // browser would then skip autofocus and focus the field: the summary comes first.
  var hadFragment = Boolean(window.location.hash);
  if (hadFragment) {
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    window.addEventListener("load", function () {
      if (document.activeElement !== summary) summary.focus();
    });
  }
  summary.focus();

  function focusField(id) {
    var field = document.getElementById(id);
    if (!field) return;
    var label = document.querySelector("label[for='" + field.id + "']");
    var fieldset = field.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    (legend || label || field).scrollIntoView();
    field.focus({ preventScroll: true });
  }

  // A link followed while the rest of the page is still arriving waits for its field.
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) return;
    event.preventDefault();
    var id = link.getAttribute("href").slice(1);
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { focusField(id); }, { once: true });
    } else {
      focusField(id);
    }
  });
})();

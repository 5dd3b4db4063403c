/* A disclosure marked data-fold-on-narrow (filters before a list) is folded on a narrow
   screen, so that the list comes first, and open on a wide one. It is open in the page, so
   without JavaScript nothing is hidden. Loaded right after the disclosure: it folds before
   the page is first drawn. */
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 47.99rem)");
  document.querySelectorAll("details[data-fold-on-narrow]").forEach(function (details) {
    if (details.hasAttribute("data-fold-ready")) return;
    details.setAttribute("data-fold-ready", "");
    details.open = !narrow.matches;
    narrow.addEventListener("change", function () {
      details.open = !narrow.matches;
    });
  });
})();

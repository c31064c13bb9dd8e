// A filter panel (<details class="filter-panel">) is written closed, which suits a phone: the results
// come first and the panel's summary says how many filters are on. Where the screen is wide enough
// to show filters beside or above the results, this opens it. It is loaded right after the panel,
// before the results are parsed, so opening it never moves what the reader already sees.
(function () {
  var panel = document.currentScript && document.currentScript.previousElementSibling;
  if (panel && panel.tagName === "DETAILS" && window.matchMedia("(min-width: 48rem)").matches) {
    panel.open = true;
  }
})();

/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  // Move focus to the error summary after a failed submit, so screen readers announce it.
  var zusammenfassung = document.querySelector(".portal-fehlerzusammenfassung");
  if (zusammenfassung) {
    zusammenfassung.focus();
  }
})();

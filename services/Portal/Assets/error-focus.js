// When a page arrives with an error summary (a refused form, a service that could not answer),
// focus moves to it so that keyboard and screen-reader users start from what went wrong.
// Runs on full page loads and after every enhanced page load or form post.
(function () {
  "use strict";

  function focusErrorSummary() {
    var summary = document.querySelector(".error-summary");
    if (summary && document.activeElement !== summary) {
      summary.focus();
    }
  }

  focusErrorSummary();
  if (window.Blazor) {
    window.Blazor.addEventListener("enhancedload", focusErrorSummary);
  }
})();

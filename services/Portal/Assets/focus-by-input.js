// The heading that takes the focus after a page load shows its ring to keyboard users only
// (WCAG asks for visible keyboard focus). Chrome counts a script's focus on a freshly loaded
// page as visible, so the portal remembers across page loads whether the last input was the
// keyboard or a pointer, and site.css hides the heading's ring after a pointer.
(function () {
  "use strict";

  var key = "portal-last-input";
  var root = document.documentElement;

  function remember(kind) {
    root.setAttribute("data-last-input", kind);
    try {
      sessionStorage.setItem(key, kind);
    } catch (e) {
      // Storage may be off; the attribute still serves this page.
    }
  }

  var last = null;
  try {
    last = sessionStorage.getItem(key);
  } catch (e) {
    last = null;
  }

  root.setAttribute("data-last-input", last === "keyboard" ? "keyboard" : "pointer");
  document.addEventListener("keydown", function () { remember("keyboard"); }, true);
  document.addEventListener("pointerdown", function () { remember("pointer"); }, true);
})();

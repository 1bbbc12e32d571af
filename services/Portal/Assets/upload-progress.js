// Progressive enhancement for draft uploads: sends the same multipart form with XMLHttpRequest so
// that a progress bar can follow a large file. Without this script the form posts as usual.
// Loaded once per full page load; enhanced navigation patches pages in without running their
// scripts, so forms are looked for again after every enhanced page load.
(function () {
  "use strict";

  function attach(form) {
    var box = form.querySelector(".upload-progress");
    var bar = box && box.querySelector("progress");
    if (!box || !bar || !window.FormData || form.dataset.uploadProgressReady) {
      return;
    }

    form.dataset.uploadProgressReady = "true";
    form.addEventListener("submit", function (event) {
      var file = form.querySelector("input[type=file]");
      if (!file || !file.files || file.files.length === 0) {
        return; // Let the server explain what is missing.
      }

      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) {
        button.disabled = true;
      }

      box.hidden = false;
      bar.value = 0;
      var request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          bar.value = Math.round((e.loaded / e.total) * 100);
        }
      });
      request.addEventListener("load", function () {
        // The endpoint answers with a redirect; follow where it led, as the plain form would.
        window.location.assign(request.responseURL || form.action);
      });
      request.addEventListener("error", function () {
        form.submit();
      });
      request.send(new FormData(form));
    });
  }

  // A file larger than the configured limit is refused by the browser, in the form's own words,
  // before minutes of uploading end in a 413.
  function limitSize(input) {
    var max = Number(input.dataset.maxBytes);
    if (!max || input.dataset.sizeLimitReady) {
      return;
    }

    input.dataset.sizeLimitReady = "true";
    input.addEventListener("change", function () {
      var tooLarge = input.files && input.files.length > 0 && input.files[0].size > max;
      input.setCustomValidity(tooLarge ? input.dataset.tooLarge || "" : "");
      if (tooLarge) {
        input.reportValidity();
      }
    });
  }

  function attachAll() {
    document.querySelectorAll("form[data-upload-progress]").forEach(attach);
    document.querySelectorAll("input[type=file][data-max-bytes]").forEach(limitSize);
  }

  attachAll();
  if (window.Blazor) {
    window.Blazor.addEventListener("enhancedload", attachAll);
  }
})();

// "Read aloud": its box is shown only where the browser can speak (speechSynthesis); reads the page's main text in the
// page's language, and the same button stops it. Without script or speech the button stays hidden.
(function () {
  "use strict";
  if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-read-aloud]").forEach(function (button) {
      var label = button.textContent;
      var stopLabel = button.getAttribute("data-stop-label") || label;
      function reset() { button.textContent = label; button.removeAttribute("aria-pressed"); }
      button.parentElement.hidden = false;
      button.addEventListener("click", function () {
        if (window.speechSynthesis.speaking) { window.speechSynthesis.cancel(); reset(); return; }
        var target = document.querySelector(button.getAttribute("data-read-aloud"));
        if (!target) return;
        var text = target.innerText.replace(label, "");
        var utterance = new SpeechSynthesisUtterance(text);
        utterance.lang = document.documentElement.lang;
        utterance.onend = reset;
        utterance.onerror = reset;
        button.textContent = stopLabel;
        button.setAttribute("aria-pressed", "true");
        window.speechSynthesis.speak(utterance);
      });
    });
  });
})();

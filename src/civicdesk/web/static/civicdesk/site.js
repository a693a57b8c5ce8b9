// Progressive enhancement only: every page works without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  // Move focus to the error summary so screen readers announce it (GOV.UK pattern).
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
  // Kiosk: after a while with nobody touching the screen, start again for the next person.
  var reset = document.body.getAttribute("data-kiosk-reset");
  if (reset) {
    var idle = parseInt(document.body.getAttribute("data-kiosk-idle"), 10) * 1000;
    var timer = null;
    var restart = function () {
      clearTimeout(timer);
      timer = setTimeout(function () { window.location.assign(reset); }, idle);
    };
    ["pointerdown", "keydown", "input", "scroll"].forEach(function (name) {
      document.addEventListener(name, restart, { passive: true });
    });
    restart();
  }
  // Fill a reply box from a response template.
  document.querySelectorAll("[data-template-target]").forEach(function (select) {
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      var target = document.getElementById(select.getAttribute("data-template-target"));
      if (target && option && option.dataset.body) { target.value = option.dataset.body; target.focus(); }
    });
  });
});

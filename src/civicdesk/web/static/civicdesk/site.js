// Progressive enhancement only: every page works without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  // Move focus to the error summary so screen readers announce it (GOV.UK pattern).
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
  // Fill a reply box from a response template.
  document.querySelectorAll("[data-template-target]").forEach(function (select) {
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      var target = document.getElementById(select.getAttribute("data-template-target"));
      if (target && option && option.dataset.body) { target.value = option.dataset.body; target.focus(); }
    });
  });
});

// The calling display (live through Server-Sent Events, with an optional chime) and the kiosk's return.
document.addEventListener("DOMContentLoaded", function () {
  var back = document.querySelector("[data-return-after]");
  if (back) {
    setTimeout(function () { window.location.assign(back.getAttribute("href")); },
      parseInt(back.getAttribute("data-return-after"), 10) * 1000);
  }
  var url = document.body.getAttribute("data-display-events");
  if (!url) { return; }
  var audio = null;
  var toggle = document.querySelector("[data-chime-toggle]");
  toggle.addEventListener("click", function () {
    if (!audio) { audio = new (window.AudioContext || window.webkitAudioContext)(); }
    var on = toggle.getAttribute("aria-pressed") !== "true";
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
    if (on) { chime(); }
  });
  function chime() {
    if (!audio || toggle.getAttribute("aria-pressed") !== "true") { return; }
    [880, 660].forEach(function (pitch, i) {
      var tone = audio.createOscillator(), gain = audio.createGain(), at = audio.currentTime + i * 0.35;
      tone.frequency.value = pitch; tone.connect(gain); gain.connect(audio.destination);
      gain.gain.setValueAtTime(0.3, at); gain.gain.exponentialRampToValueAtTime(0.001, at + 0.3);
      tone.start(at); tone.stop(at + 0.32);
    });
  }
  function cell(tag, text, ltr) {
    var node = document.createElement(tag);
    node.textContent = text;
    if (ltr) { node.setAttribute("dir", "ltr"); }
    return node;
  }
  var seen = null;
  function render(state) {
    var now = state.calls[0];
    document.querySelector("[data-now-number]").textContent = now ? now.number : "–";
    document.querySelector("[data-now-counter]").textContent = now ? String(now.counter_number) : "–";
    var calls = document.querySelector("[data-calls]");
    calls.replaceChildren.apply(calls, state.calls.slice(1).map(function (call) {
      var item = document.createElement("li");
      item.appendChild(cell("bdi", call.number, true));
      item.appendChild(document.createTextNode(" → " + call.counter_number));
      return item;
    }));
    var lines = document.querySelector("[data-lines]");
    lines.replaceChildren.apply(lines, state.lines.map(function (line) {
      var row = document.createElement("tr"), head = document.createElement("th");
      head.setAttribute("scope", "row");
      head.appendChild(cell("bdi", line.prefix, true));
      head.appendChild(document.createTextNode(" " + line.name_ar + " / " + line.name_en));
      row.appendChild(head);
      row.appendChild(cell("td", String(line.waiting)));
      return row;
    }));
    if (seen !== null && state.last_id !== seen) {
      var box = document.querySelector("[data-now]");
      box.classList.remove("display__now--new"); void box.offsetWidth; box.classList.add("display__now--new");
      chime();
    }
    seen = state.last_id;
  }
  var status = document.querySelector("[data-connection]");
  var source = new EventSource(url);
  source.addEventListener("state", function (event) {
    status.hidden = true;
    render(JSON.parse(event.data));
  });
  source.addEventListener("error", function () { status.hidden = source.readyState === EventSource.OPEN; });
});

(function () {
  "use strict";
  var form = document.getElementById("filters");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var files = Array.prototype.slice.call(document.querySelectorAll("section.file"));
  var shown = document.getElementById("shown");
  function key(box) { return box.name + ":" + box.value; }
  function apply(event) {
    var off = {};
    var offKeys = [];
    boxes.forEach(function (b) { if (!b.checked) { off[key(b)] = true; offKeys.push(key(b)); } });
    var n = 0;
    findings.forEach(function (li) {
      var hide = off["severity:" + li.dataset.severity] || off["kind:" + li.dataset.kind];
      li.hidden = !!hide;
      if (!hide) { n++; }
    });
    files.forEach(function (s) { s.hidden = !s.querySelector("li.finding:not([hidden])"); });
    shown.textContent = n + " of " + findings.length + " findings shown";
    if (!event) { return; }
    try {
      history.replaceState(null, "", offKeys.length ? "#off=" + encodeURIComponent(offKeys.join(",")) : "#");
    } catch (e) { /* file: URLs may refuse; the filter still works */ }
  }
  // a link can carry the filter: report.html#off=severity:hint,kind:dockerfile
  var m = /^#off=(.*)$/.exec(location.hash);
  if (m) {
    decodeURIComponent(m[1]).split(",").forEach(function (k) {
      boxes.forEach(function (b) { if (key(b) === k) { b.checked = false; } });
    });
  }
  form.addEventListener("change", apply);
  form.hidden = false;
  apply();
  document.documentElement.setAttribute("data-script", "ran");
})();

(function () {
  "use strict";
  var form = document.getElementById("filters");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var select = document.getElementById("group");
  var container = document.getElementById("groups");
  var section = document.getElementById("findings");
  var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var shown = document.getElementById("shown");
  var original = container ? Array.prototype.slice.call(container.children) : [];
  var SEVERITIES = ["error", "warning", "info", "hint"];
  function key(box) { return box.name + ":" + box.value; }
  function groups() { return Array.prototype.slice.call(container.querySelectorAll("section.file")); }
  // regroup the findings by one of their data attributes; "file" puts back the page as written
  function regroup(by) {
    section.setAttribute("data-group", by);
    while (container.firstChild) { container.removeChild(container.firstChild); }
    if (by === "file") {
      original.forEach(function (s) { container.appendChild(s); });
      original.forEach(function (s) {
        var ol = s.querySelector("ol");
        findings.forEach(function (li) { if (li.dataset.home === s.dataset.home) { ol.appendChild(li); } });
      });
      return;
    }
    var byKey = {};
    var keys = [];
    findings.forEach(function (li) {
      var k = li.dataset[by] || "";
      if (!byKey[k]) { byKey[k] = []; keys.push(k); }
      byKey[k].push(li);
    });
    keys.sort(function (a, b) {
      return by === "severity" ? SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b) : a < b ? -1 : a > b ? 1 : 0;
    });
    keys.forEach(function (k) {
      var s = document.createElement("section");
      s.className = "file group";
      s.setAttribute("data-" + by, k);
      var h = document.createElement("h3");
      var name = document.createElement("span");
      name.className = by === "severity" ? "sev-" + k : "path";
      name.textContent = k;
      var n = document.createElement("span");
      n.className = "n";
      n.textContent = " " + byKey[k].length + (byKey[k].length === 1 ? " finding" : " findings");
      h.appendChild(name);
      h.appendChild(n);
      var ol = document.createElement("ol");
      byKey[k].forEach(function (li) { ol.appendChild(li); });
      s.appendChild(h);
      s.appendChild(ol);
      container.appendChild(s);
    });
  }
  function hash() {
    var off = boxes.filter(function (b) { return !b.checked; }).map(key);
    var parts = [];
    if (off.length) { parts.push("off=" + encodeURIComponent(off.join(","))); }
    if (select.value !== "file") { parts.push("group=" + select.value); }
    return "#" + parts.join("&");
  }
  function apply(event) {
    if (event && event.target === select) { regroup(select.value); }
    var off = {};
    boxes.forEach(function (b) { if (!b.checked) { off[key(b)] = true; } });
    var n = 0;
    findings.forEach(function (li) {
      var hide = off["severity:" + li.dataset.severity] || off["kind:" + li.dataset.kind];
      li.hidden = !!hide;
      if (!hide) { n++; }
    });
    groups().forEach(function (s) { s.hidden = !s.querySelector("li.finding:not([hidden])"); });
    shown.textContent = n + " of " + findings.length + " findings shown";
    if (!event) { return; }
    try {
      history.replaceState(null, "", hash());
    } catch (e) { /* file: URLs may refuse; the filter still works */ }
  }
  original.forEach(function (s, i) {
    s.dataset.home = String(i);
    Array.prototype.slice.call(s.querySelectorAll("li.finding")).forEach(function (li) { li.dataset.home = String(i); });
  });
  // a link can carry the filter and the grouping: report.html#off=severity:hint,kind:dockerfile&group=project
  location.hash.replace(/^#/, "").split("&").forEach(function (part) {
    var m = /^(off|group)=(.*)$/.exec(part);
    if (!m) { return; }
    var value = decodeURIComponent(m[2]);
    if (m[1] === "off") {
      value.split(",").forEach(function (k) {
        boxes.forEach(function (b) { if (key(b) === k) { b.checked = false; } });
      });
    } else if (Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
      select.value = value;
    }
  });
  if (select.value !== "file") { regroup(select.value); }
  form.addEventListener("change", apply);
  form.hidden = false;
  apply();
  document.documentElement.setAttribute("data-script", "ran");
})();

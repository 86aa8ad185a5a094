// Hover definitions of the book's symbols (book/_ext/glossary_hover.py writes <a class="glossary-sym" title="...">
// around the symbol's math).  This script shows the definition as a small tooltip on hover, on keyboard focus and on
// a first tap (a second tap follows the link to the glossary row); without it the native title tooltip remains.
(function () {
  "use strict";
  var tip = null, current = null;
  function ensureTip() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.className = "glossary-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.id = "glossary-tooltip";
    tip.hidden = true;
    document.body.appendChild(tip);
    return tip;
  }
  function show(a) {
    var text = a.getAttribute("data-glossary-tip");
    if (!text) return;
    var t = ensureTip();
    t.textContent = text;
    t.hidden = false;
    var r = a.getBoundingClientRect();
    var w = Math.min(360, document.documentElement.clientWidth - 16);
    t.style.maxWidth = w + "px";
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - w - 8));
    t.style.left = left + "px";
    t.style.top = (r.bottom + window.scrollY + 6) + "px";
    a.setAttribute("aria-describedby", "glossary-tooltip");
    current = a;
  }
  function hide() {
    if (tip) tip.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }
  function start() {
    var links = document.querySelectorAll("a.glossary-sym[title]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      a.setAttribute("data-glossary-tip", a.getAttribute("title"));
      a.setAttribute("aria-label", a.getAttribute("title"));
      a.removeAttribute("title");            // no second (native) tooltip on top of ours
      a.addEventListener("mouseenter", function () { show(this); });
      a.addEventListener("mouseleave", hide);
      a.addEventListener("focus", function () { show(this); });
      a.addEventListener("blur", hide);
      a.addEventListener("touchstart", function (ev) {
        if (current !== this) { show(this); ev.preventDefault(); }
      }, {passive: false});
    }
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hide(); });
    window.addEventListener("scroll", hide, {passive: true});
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();

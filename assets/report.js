// parallax HTML report: pairs light up together. The page works without this script; it only
// adds highlighting and scrolling. One pass over the link numbers at load and one listener per
// event for the whole page, so a report of a whole book opens without stalling.
(function () {
  "use strict";
  var root = document.documentElement;
  var byLink = Object.create(null);
  var numbers = document.querySelectorAll(".col .n");
  for (var i = 0; i < numbers.length; i++) {
    var k = numbers[i].textContent;
    (byLink[k] || (byLink[k] = [])).push(numbers[i].parentNode);
  }
  var lit = [];
  var current = null;

  function clear() {
    for (var i = 0; i < lit.length; i++) lit[i].classList.remove("hi");
    lit = [];
    current = null;
  }

  function scrollable(col) {
    return col.scrollHeight > col.clientHeight + 1 && getComputedStyle(col).overflowY !== "visible";
  }

  // The counterpart comes level with the passage the reader is on, when it is out of view.
  function bring(target, beside) {
    var col = target.closest(".col");
    if (!col || !scrollable(col)) return;
    var c = col.getBoundingClientRect();
    var t = target.getBoundingClientRect();
    if (t.top >= c.top && t.bottom <= c.bottom) return;
    var to = beside.getBoundingClientRect().top;
    col.scrollBy({ top: t.top - Math.max(to, c.top), behavior: "smooth" });
  }

  function show(passage, scroll) {
    if (passage === current) return;
    clear();
    var n = passage.firstElementChild;
    if (!n || !n.classList.contains("n")) return;
    current = passage;
    lit = byLink[n.textContent] || [];
    var col = passage.closest(".col");
    var other = null;
    for (var i = 0; i < lit.length; i++) {
      lit[i].classList.add("hi");
      if (!other && lit[i].closest(".col") !== col) other = lit[i];
    }
    if (other && scroll) bring(other, passage);
  }

  function passageOf(node) {
    return node && node.closest ? node.closest(".col .s") : null;
  }

  document.addEventListener("mouseover", function (e) {
    var p = passageOf(e.target);
    if (p) show(p, true);
    else if (current) clear();
  });
  document.addEventListener("focusin", function (e) {
    var p = passageOf(e.target);
    if (p) show(p, true);
  });
  document.addEventListener("focusout", clear);

  // Arriving at a passage by its number (#r7, from the other column or from a link sent
  // with the page) lights it and its counterpart, and a link into folded boilerplate
  // unfolds it.
  function arrive() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    var d = el && el.closest("details");
    if (d) d.open = true;
    var p = passageOf(el);
    if (p) show(p, false);
  }
  window.addEventListener("hashchange", arrive);
  arrive();
  root.setAttribute("data-js", "on");
})();

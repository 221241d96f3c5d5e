/* lefort-tei web edition: small optional tools. The pages read fully without this file.
   In: the page. Out: a toolbar above the text with
   - "Mark corrections" (views and parallel): shows or hides the dotted marks of corrected places;
   - "Only blocks with corrections" (parallel view);
   - a search box that hides the blocks not containing the words typed;
   - a preview of a note when the pointer or the focus is on its anchor (the link still opens it). */
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main) { return; }
  notePreviews(main);
  var blocks = main.querySelectorAll(".pair:not(.pair-head), article.edition p, article.edition figure, .note, .register section");
  if (!blocks.length) { return; }
  var tools = document.createElement("div");
  tools.className = "tools";

  function checkbox(label, checked, onChange) {
    var box = document.createElement("label");
    var input = document.createElement("input");
    input.type = "checkbox";
    input.checked = checked;
    input.addEventListener("change", function () { onChange(input.checked); });
    box.appendChild(input);
    box.appendChild(document.createTextNode(" " + label));
    tools.appendChild(box);
  }

  if (main.querySelector(".choice")) {
    checkbox("Mark corrections", true, function (on) {
      document.body.classList.toggle("hide-corrections", !on);
    });
  }
  if (main.querySelector(".diplomatic .lb, .diplomatic .fw")) {
    checkbox("Page layout", false, function (on) {
      document.body.classList.toggle("page-layout", on);
    });
  }
  if (main.querySelector(".pair.differs")) {
    checkbox("Only blocks with corrections", false, function (on) {
      document.body.classList.toggle("only-differences", on);
    });
  }

  var search = document.createElement("input");
  search.type = "search";
  search.placeholder = "Search this page";
  search.setAttribute("aria-label", "Search this page: hide the blocks without these words");
  var status = document.createElement("span");
  status.className = "search-status";
  status.setAttribute("aria-live", "polite");
  search.addEventListener("input", function () {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    blocks.forEach(function (block) {
      var text = block.textContent.toLowerCase();
      var hit = words.every(function (w) { return text.indexOf(w) !== -1; });
      block.classList.toggle("search-miss", !hit);
      if (hit) { shown += 1; }
    });
    status.textContent = words.length ? shown + " of " + blocks.length + " blocks" : "";
  });
  tools.appendChild(search);
  tools.appendChild(status);
  var heading = main.querySelector("h1");
  if (heading && heading.closest(".title-page")) { heading = heading.closest("header"); }
  if (heading) { heading.insertAdjacentElement("afterend", tools); } else { main.insertBefore(tools, main.firstChild); }

  function notePreviews(root) {
    var preview = document.createElement("div");
    preview.className = "note-preview";
    preview.setAttribute("role", "tooltip");
    preview.id = "note-preview";
    preview.hidden = true;
    document.body.appendChild(preview);
    root.querySelectorAll("a.note-ref[href^='#']").forEach(function (anchor) {
      var note = document.getElementById(decodeURIComponent(anchor.getAttribute("href").slice(1)));
      if (!note) { return; }
      function show() {
        preview.textContent = note.textContent.replace(/\s*↩\s*$/, "").trim();  // text only: no markup copied
        var box = anchor.getBoundingClientRect();
        preview.hidden = false;
        preview.style.top = (window.scrollY + box.bottom + 6) + "px";
        preview.style.left = Math.max(8, Math.min(window.scrollX + box.left - 40,
          window.scrollX + document.documentElement.clientWidth - preview.offsetWidth - 8)) + "px";
        anchor.setAttribute("aria-describedby", preview.id);
      }
      function hide() { preview.hidden = true; anchor.removeAttribute("aria-describedby"); }
      anchor.addEventListener("mouseenter", show);
      anchor.addEventListener("focus", show);
      anchor.addEventListener("mouseleave", hide);
      anchor.addEventListener("blur", hide);
      anchor.addEventListener("click", hide);
    });
  }
}());

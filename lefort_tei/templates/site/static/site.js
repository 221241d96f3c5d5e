/* lefort-tei web edition: small optional tools. The pages read fully without this file.
   In: the page. Out: a toolbar above the text with
   - "Mark corrections" (views and parallel): shows or hides the dotted marks of corrected places;
   - "Only blocks with corrections" (parallel view);
   - a search box that hides the blocks not containing the words typed. */
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main) { return; }
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
}());

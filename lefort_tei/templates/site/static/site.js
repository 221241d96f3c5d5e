/* lefort-tei web edition: small optional tools. The pages read fully without this file.
   In: the page. Out: a toolbar above the text with
   - "Mark corrections" (views and parallel): shows or hides the dotted marks of corrected places;
   - "Only blocks with corrections" (parallel view);
   - a search box that hides the blocks of this page not containing the words typed and lists the
     passages that contain them across every edition of the site (assets/search-index.js, built
     with the site), over both readings: a misprint finds the corrected passage, and says so;
     each result is a snippet with the words marked, linking to its paragraph; the query is kept
     in the address (?q=), and the page a result opens marks the words in that paragraph;
   - a preview of a note when the pointer or the focus is on its anchor (the link still opens it);
   - a pop-up on a correction (click, tap or focus): printed and corrected form, reason, who made
     it, certainty, a link to the corrections page. Escape closes either and gives the focus back.
   - "cite this" on a paragraph's number: the citation of that paragraph with its stable URL (the
     edition's canonical address when it is known, else this copy's), and a button that copies it.
   Text from the page is copied with textContent only: no markup is ever built from it. */
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main) { return; }
  document.documentElement.classList.add("js");
  notePreviews(main);
  correctionPopups(main);
  citePopups(main);
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
  search.placeholder = "Search";
  search.setAttribute("aria-label", "Search this page (its blocks without the words are hidden) and every edition");
  var status = document.createElement("span");
  status.className = "search-status";
  status.setAttribute("aria-live", "polite");
  var results = document.createElement("div");
  results.className = "search-results";
  results.hidden = true;
  function runSearch(filterPage) {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    if (filterPage) {
      blocks.forEach(function (block) {
        var text = block.textContent.toLowerCase();
        var hit = words.every(function (w) { return text.indexOf(w) !== -1; });
        block.classList.toggle("search-miss", !hit);
        if (hit) { shown += 1; }
      });
    }
    status.textContent = words.length && filterPage ? shown + " of " + blocks.length + " blocks on this page" : "";
    siteResults(words, results, search.value.trim());
    var url = new URL(location.href);
    if (words.length) { url.searchParams.set("q", search.value.trim()); } else { url.searchParams.delete("q"); }
    try { history.replaceState(null, "", url.href); } catch (e) { /* file:// may refuse: keep going */ }
  }
  search.addEventListener("input", function () { runSearch(true); });
  tools.appendChild(search);
  tools.appendChild(status);
  var heading = main.querySelector("h1");
  if (heading && heading.closest(".title-page")) { heading = heading.closest("header"); }
  if (heading) { heading.insertAdjacentElement("afterend", tools); } else { main.insertBefore(tools, main.firstChild); }
  tools.insertAdjacentElement("afterend", results);
  var query = new URLSearchParams(location.search).get("q");
  if (query) {
    search.value = query;
    runSearch(false);  // the results are listed; the page is not filtered, the words are marked
    markWords(document.getElementById(decodeURIComponent(location.hash.slice(1))), query);
  }

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
      anchor.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && !preview.hidden) { hide(); event.preventDefault(); }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !preview.hidden) { preview.hidden = true; }
    });
  }

  function correctionPopups(root) {
    var marks = root.querySelectorAll(".choice[data-printed]");
    if (!marks.length) { return; }
    var popup = document.createElement("span");
    popup.className = "correction-popup";
    popup.id = "correction-popup";
    popup.setAttribute("role", "dialog");
    popup.setAttribute("aria-label", "Correction");
    popup.hidden = true;
    var current = null;  // the element that opened the pop-up (a mark, or the link around it)
    var pointer = "mouse";  // the kind of the last pointer pressed: "mouse", "pen" or "touch"
    document.addEventListener("pointerdown", function (event) { pointer = event.pointerType || "mouse"; }, true);

    function line(label, value, cls) {
      var row = document.createElement("span");
      row.className = "popup-line" + (cls ? " " + cls : "");
      var name = document.createElement("span");
      name.className = "popup-label";
      name.textContent = label + ": ";
      var text = document.createElement("span");
      text.textContent = value;
      row.appendChild(name);
      row.appendChild(text);
      popup.appendChild(row);
    }
    function link(label, href) {
      var row = document.createElement("span");
      row.className = "popup-line";
      var a = document.createElement("a");
      a.href = href;
      a.textContent = label;
      row.appendChild(a);
      popup.appendChild(row);
    }

    function open(mark, trigger) {
      popup.textContent = "";
      line("Printed", mark.getAttribute("data-printed"), "popup-printed");
      line("Corrected", mark.getAttribute("data-corrected"), "popup-corrected");
      if (mark.getAttribute("data-reason")) { line("Reason", mark.getAttribute("data-reason")); }
      var facts = [];
      if (mark.getAttribute("data-by")) { facts.push("by " + mark.getAttribute("data-by")); }
      if (mark.getAttribute("data-cert")) { facts.push("certainty " + mark.getAttribute("data-cert")); }
      if (mark.getAttribute("data-kind")) { facts.push(mark.getAttribute("data-kind")); }
      if (facts.length) { line("Made", facts.join(", ")); }
      if (trigger !== mark && trigger.getAttribute("href")) {
        link("Go to: " + trigger.textContent.trim(), trigger.getAttribute("href"));
      }
      if (mark.getAttribute("data-entry")) { link("All corrections", mark.getAttribute("data-entry")); }
      // right after what opened it, so that Tab reaches the pop-up's links next
      trigger.insertAdjacentElement("afterend", popup);
      popup.hidden = false;
      var box = trigger.getBoundingClientRect();
      var host = (popup.offsetParent || document.body).getBoundingClientRect();
      var width = document.documentElement.clientWidth;
      popup.style.top = (box.bottom - host.top + 4) + "px";
      popup.style.left = (Math.max(8, Math.min(box.left, width - popup.offsetWidth - 8)) - host.left) + "px";
      current = trigger;
      trigger.setAttribute("aria-expanded", "true");
      trigger.setAttribute("aria-controls", popup.id);
    }
    function close(giveFocusBack) {
      if (popup.hidden) { return; }
      popup.hidden = true;
      if (current) {
        current.setAttribute("aria-expanded", "false");
        if (giveFocusBack) { current.focus(); }
      }
      current = null;
    }

    marks.forEach(function (mark) {
      var trigger = mark.closest("a") || mark;
      if (trigger === mark && mark.hasAttribute("tabindex")) {
        mark.setAttribute("role", "button");
        mark.setAttribute("aria-expanded", "false");
      }
      mark.addEventListener("click", function (event) {
        if (trigger !== mark) {
          // inside a link: a mouse click follows the link (the title shows the other form on
          // hover); a tap, where nothing hovers, shows the correction first, a second tap follows
          if (pointer !== "touch" || (current === trigger && !popup.hidden)) { return; }
          event.preventDefault();
          open(mark, trigger);
        } else if (current === trigger && !popup.hidden) {
          close(false);
        } else {
          open(mark, trigger);
        }
        event.stopPropagation();
      });
      // keyboard focus opens it; a pointer's focus waits for the click (a tap on a link shows
      // the correction first, a second tap follows the link)
      trigger.addEventListener("focus", function () {
        if (current !== trigger && trigger.matches(":focus-visible")) { open(mark, trigger); }
      });
      mark.addEventListener("keydown", function (event) {
        if ((event.key === "Enter" || event.key === " ") && trigger === mark) {
          event.preventDefault();
          if (popup.hidden) { open(mark, trigger); } else { close(false); }
        }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !popup.hidden) { close(true); }
    });
    document.addEventListener("click", function (event) {
      if (!popup.hidden && !popup.contains(event.target)) { close(false); }
    });
    document.addEventListener("focusin", function (event) {
      if (!popup.hidden && current && event.target !== current && !popup.contains(event.target)) { close(false); }
    });
  }

  function meta(name) {
    return Array.prototype.map.call(document.querySelectorAll("meta[name='" + name + "']"),
      function (m) { return m.getAttribute("content"); });
  }

  function citePopups(root) {
    var numbers = root.querySelectorAll("a.pnum");
    var title = meta("citation_title")[0];
    if (!numbers.length || !title) { return; }
    var canonical = document.querySelector("link[rel='canonical']");
    var folder = (canonical ? canonical.href : location.href.split("#")[0]).replace(/[^\/]*$/, "");
    var popup = document.createElement("span");
    popup.className = "cite-popup";
    popup.id = "cite-popup";
    popup.setAttribute("role", "dialog");
    popup.setAttribute("aria-label", "Cite this paragraph");
    popup.hidden = true;
    var current = null;

    function citation(n) {
      var url = folder + "reading.html#p" + n;
      var authors = meta("citation_author").join(" and ");
      var editors = meta("citation_editor").join(" and ");
      var date = (meta("DC.date")[0] || "");
      var text = (authors ? authors + ", " : "") + "\u201c" + title + "\u201d, TEI edition" +
        (editors ? " by " + editors : "") + (date ? ", " + date : "") + ", \u00b6 " + n + ", " + url;
      return {text: text, url: url};
    }
    function open(number) {
      var n = number.textContent.trim();
      var cite = citation(n);
      popup.textContent = "";
      var head = document.createElement("span");
      head.className = "popup-line popup-label";
      head.textContent = "Cite paragraph " + n + ":";
      var text = document.createElement("span");
      text.className = "popup-line cite-text";
      text.textContent = cite.text;
      var copy = document.createElement("button");
      copy.type = "button";
      copy.textContent = "Copy the citation";
      var status = document.createElement("span");
      status.className = "cite-status";
      status.setAttribute("aria-live", "polite");
      copy.addEventListener("click", function (event) {
        event.stopPropagation();
        var done = function () { status.textContent = " Copied."; };
        var select = function () {
          var range = document.createRange();
          range.selectNodeContents(text);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          status.textContent = " Selected: press Ctrl+C to copy.";
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(cite.text).then(done, select);
        } else { select(); }
      });
      popup.appendChild(head);
      popup.appendChild(text);
      popup.appendChild(copy);
      popup.appendChild(status);
      number.insertAdjacentElement("afterend", popup);
      popup.hidden = false;
      var box = number.getBoundingClientRect();
      var host = (popup.offsetParent || document.body).getBoundingClientRect();
      var width = document.documentElement.clientWidth;
      popup.style.top = (box.bottom - host.top + 4) + "px";
      popup.style.left = (Math.max(8, Math.min(box.left, width - popup.offsetWidth - 8)) - host.left) + "px";
      current = number;
      number.setAttribute("aria-expanded", "true");
    }
    function close(giveFocusBack) {
      if (popup.hidden) { return; }
      popup.hidden = true;
      if (current) {
        current.setAttribute("aria-expanded", "false");
        if (giveFocusBack) { current.focus(); }
      }
      current = null;
    }
    numbers.forEach(function (number) {
      number.setAttribute("aria-haspopup", "dialog");
      number.setAttribute("aria-expanded", "false");
      number.setAttribute("title", "cite this paragraph");
      number.addEventListener("click", function (event) {
        event.stopPropagation();  // the link still sets the address to this paragraph
        if (current === number && !popup.hidden) { close(false); } else { open(number); }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !popup.hidden) { close(true); }
    });
    document.addEventListener("click", function (event) {
      if (!popup.hidden && !popup.contains(event.target)) { close(false); }
    });
    document.addEventListener("focusin", function (event) {
      if (!popup.hidden && current && event.target !== current && !popup.contains(event.target)) { close(false); }
    });
  }

  // ------------------------------------------------------------------ search across the site
  var index = window.lefortSearchIndex;
  var here = (function () {  // this page's edition (its folder's name), or null on the site's index
    var parts = location.pathname.split("/");
    var folder = parts.length > 1 ? decodeURIComponent(parts[parts.length - 2]) : null;
    var known = index && index.editions.some(function (e) { return e.n === folder; });
    return known ? folder : null;
  }());
  var MAX_RESULTS = 30;

  function siteResults(words, panel, query) {
    panel.textContent = "";
    panel.hidden = !words.length || !index;
    if (panel.hidden) { return; }
    var found = [];
    index.blocks.forEach(function (block) {
      var reading = block.r.toLowerCase();
      var printed = (block.d || "").toLowerCase();
      var inReading = words.every(function (w) { return reading.indexOf(w) !== -1; });
      var inPrinted = !inReading && printed && words.every(function (w) { return printed.indexOf(w) !== -1; });
      if (inReading || inPrinted) { found.push({block: block, printed: inPrinted}); }
    });
    var edition = index.editions;
    var mine = found.filter(function (f) { return edition[f.block.e].n === here; });
    var others = found.filter(function (f) { return edition[f.block.e].n !== here; });
    var heading = document.createElement("h2");
    heading.className = "search-heading";
    heading.textContent = found.length + (found.length === 1 ? " passage" : " passages") +
      (index.editions.length > 1 ? " in " + index.editions.length + " editions" : " in this edition");
    panel.appendChild(heading);
    var list = document.createElement("ol");
    mine.concat(others).slice(0, MAX_RESULTS).forEach(function (f) {
      var item = document.createElement("li");
      var ed = edition[f.block.e];
      var link = document.createElement("a");
      var folder = here === null ? encodeURIComponent(ed.n) + "/" : (ed.n === here ? "" : "../" + encodeURIComponent(ed.n) + "/");
      link.href = folder + "reading.html?q=" + encodeURIComponent(query) + "#" + encodeURIComponent(f.block.k);
      link.textContent = (ed.n === here ? "" : ed.t + ", ") + where(f.block.k);
      item.appendChild(link);
      if (f.printed) {
        var note = document.createElement("span");
        note.className = "search-printed";
        note.textContent = " (the source prints these words; the reading text corrects them)";
        item.appendChild(note);
      }
      item.appendChild(snippet(f.printed ? f.block.d : f.block.r, words));
      list.appendChild(item);
    });
    panel.appendChild(list);
    if (found.length > MAX_RESULTS) {
      var more = document.createElement("p");
      more.textContent = "The first " + MAX_RESULTS + " are listed: add a word to narrow the search.";
      panel.appendChild(more);
    }
  }

  function where(key) {  // "p12" → "paragraph 12", "note16" → "note 16"
    var m = /^p(\d+)$/.exec(key);
    if (m) { return "paragraph " + m[1]; }
    m = /^note(\d+)$/.exec(key);
    if (m) { return "note " + m[1]; }
    m = /^q(\d+)$/.exec(key);
    if (m) { return "quotation " + m[1]; }
    return key === "title-page" ? "title page" : key.replace(/-/g, " ");
  }

  function snippet(text, words) {  // about 30 words around the first match, the words marked
    var out = document.createElement("span");
    out.className = "search-snippet";
    var lower = text.toLowerCase();
    var at = lower.indexOf(words[0]);
    var start = Math.max(0, at - 90);
    var end = Math.min(text.length, at + 160);
    if (start > 0) { start = text.indexOf(" ", start) + 1 || start; }  // whole words only
    if (end < text.length) { end = Math.max(at + words[0].length, text.lastIndexOf(" ", end)); }
    var piece = (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
    out.appendChild(document.createTextNode(" "));
    appendMarked(out, piece, words);
    return out;
  }

  function appendMarked(parent, text, words) {
    var lower = text.toLowerCase();
    var i = 0;
    while (i < text.length) {
      var next = -1, length = 0;
      words.forEach(function (w) {
        var j = lower.indexOf(w, i);
        if (j !== -1 && (next === -1 || j < next)) { next = j; length = w.length; }
      });
      if (next === -1) { parent.appendChild(document.createTextNode(text.slice(i))); break; }
      if (next > i) { parent.appendChild(document.createTextNode(text.slice(i, next))); }
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      parent.appendChild(mark);
      i = next + length;
    }
  }

  function markWords(block, query) {  // the words of the query, marked in the paragraph opened
    if (!block) { return; }
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    // a correction whose printed form holds a word: the passage was found by the other reading
    block.querySelectorAll(".choice[data-printed]").forEach(function (mark) {
      var printed = mark.getAttribute("data-printed").toLowerCase();
      if (words.some(function (w) { return printed.indexOf(w) !== -1; })) { mark.classList.add("search-hit"); }
    });
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    nodes.forEach(function (node) {
      var lower = node.nodeValue.toLowerCase();
      if (!words.some(function (w) { return lower.indexOf(w) !== -1; })) { return; }
      var holder = document.createDocumentFragment();
      appendMarked(holder, node.nodeValue, words);
      node.parentNode.replaceChild(holder, node);
    });
  }
}());

/*
 * lefort-tei behaviours for CETEIcean (https://github.com/TEIC/CETEIcean, npm "CETEIcean").
 *
 * In: a lefort-tei TEI edition, loaded by CETEIcean. Out: a readable page: the reading text (each
 * correction shows the editor's reading, the source's form on hover), every note once, where the
 * TEI prints it (at the end), linked both ways with its anchor (ref[@type=noteAnchor]/@target and
 * note/@target), the registers (persons, works cited: the back's div[@type=editorial], headed by
 * their own head) and the reasons for corrections (standOff) as headed lists. Every internal link
 * points to an element the page shows.
 *
 * Use (with lefort-tei.css):
 *   const c = new CETEI();
 *   c.addBehaviors(lefortTeiBehaviors);
 *   c.getHTML5("essay.xml", (data) => document.getElementById("TEI").appendChild(data));
 */
(function (global) {
  "use strict";

  const REGISTER_HEADINGS = {
    "tei-listperson": "Persons",
    "tei-listbibl": "Works cited",
    "tei-listannotation": "Corrections",
  };

  function link(doc, href, text, className) {
    const a = doc.createElement("a");
    a.setAttribute("href", href);
    a.className = className;
    a.textContent = text;
    return a;
  }

  function firstPointer(value) {
    return (value || "").trim().split(/\s+/)[0];
  }

  const lefortTeiBehaviors = {
    namespaces: { tei: "http://www.tei-c.org/ns/1.0" },
    tei: {
      // a correction: the editor's reading is shown, the source's reading on hover
      choice: function (elt) {
        const source = elt.querySelector(":scope > tei-sic, :scope > tei-orig, :scope > tei-abbr");
        const edited = elt.querySelector(":scope > tei-corr, :scope > tei-reg, :scope > tei-expan");
        if (source && edited) {
          source.hidden = true;
          elt.setAttribute("title", "source: " + source.textContent);
        }
      },
      // a note printed at the end stays where the TEI has it, once (it has no @place="end", from
      // which CETEIcean's default would copy it into a second, renumbered list); it links back to
      // its anchor (note/@target)
      note: [
        ["[type=endnote]", function (elt) {
          const target = firstPointer(elt.getAttribute("target"));
          if (target.startsWith("#")) {
            const back = link(elt.ownerDocument, target, "\u21a9", "lefort-backlink");
            back.setAttribute("title", "back to the text");
            elt.appendChild(back);
          }
        }],
        ["_", ["(", ")"]],
      ],
      // registers: a heading each; a person's other names are hidden, the dates summarised
      listPerson: function (elt) { registerHeading(elt); },
      listBibl: function (elt) { registerHeading(elt); },
      listAnnotation: function (elt) { registerHeading(elt); },
      persName: [["[type=variant]", function (elt) { elt.hidden = true; }]],
      person: function (elt) {
        const birth = elt.querySelector(":scope > tei-birth");
        const death = elt.querySelector(":scope > tei-death");
        if (birth || death) {
          for (const date of [birth, death]) { if (date) { date.hidden = true; } }
          const span = elt.ownerDocument.createElement("span");
          span.className = "lefort-dates";
          span.textContent = " (" + (birth ? birth.textContent : "") + "\u2013" + (death ? death.textContent : "") + ")";
          const name = elt.querySelector(":scope > tei-persname");
          if (name) { name.after(span); }
        }
      },
      // the reason for a correction links to the correction it explains
      annotation: function (elt) {
        const target = firstPointer(elt.getAttribute("target"));
        if (target.startsWith("#")) {
          elt.insertBefore(link(elt.ownerDocument, target, "\u2192 " + target.slice(1), "lefort-target"), elt.firstChild);
        }
      },
    },
  };

  function registerHeading(elt) {
    const text = REGISTER_HEADINGS[elt.localName];
    const parent = elt.parentElement;
    if (parent && parent.querySelector(":scope > tei-head")) {
      return;  // a register division of the back has its own head
    }
    if (text && !(elt.firstElementChild && elt.firstElementChild.classList.contains("lefort-register-head"))) {
      const h = elt.ownerDocument.createElement("h2");
      h.className = "lefort-register-head";
      h.textContent = text;
      elt.insertBefore(h, elt.firstChild);
    }
  }

  global.lefortTeiBehaviors = lefortTeiBehaviors;
})(typeof window !== "undefined" ? window : globalThis);

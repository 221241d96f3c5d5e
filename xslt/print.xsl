<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition of the READING text (entry stylesheet of lefort-tei pdf).

  In: a TEI document of lefort-tei. Out: the HTML fragment for CSS Paged Media that
  lefort_tei.render.pdf wraps in a page and hands to WeasyPrint.

  It imports the reading view, so the text reads exactly as the web reading view (corrections
  applied, same inline rendering), then print-common.xsl: the later import wins, so its print
  templates (footnotes instead of endnotes, no web links, title page, contents, index of
  persons) override the view's. Nothing tests which view it is: the view is this file's import.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:import href="reading.xsl"/>
  <xsl:import href="print-common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- A footnote call hugs the word it annotates: "expel,³", not "expel, ³" (the source's space
       before its "(3)" is kept by the diplomatic print, which shows the marker as printed). -->
  <xsl:template match="text()[following-sibling::node()[1][self::tei:ref[@type = 'noteAnchor']]]">
    <xsl:value-of select="replace(., '\s+$', '')"/>
  </xsl:template>

</xsl:stylesheet>

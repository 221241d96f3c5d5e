<?xml version="1.0" encoding="UTF-8"?>
<!--
  The shared module of the HTML views: everything the diplomatic and the reading view do alike.

  In: a TEI P5 edition made by lefort-tei. Out: an HTML5 fragment (no page chrome; jinja2 adds it).
  An entry stylesheet (diplomatic.xsl, reading.xsl) imports this module and supplies only:
    - $view                  the view's name (a CSS class on the fragment, nothing else);
    - mode "choice"          which reading of a tei:choice is shown (call the named template
                             "choice-mark" with the shown and the other reading);
    - mode "anchor"          how a note anchor prints (call the named template "note-link").
  Other fragments are modes on the document node: "persons", "works", "notes", "about".
  Link targets are parameters (which page holds the text, the notes, the registers), so one
  fragment can sit on any page; print.xsl overrides the named template "link" to drop links.
  An element this module does not know stops the transformation (xsl:message terminate="yes").
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:lefort-tei:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:include href="common/functions.xsl"/>
  <xsl:include href="common/text.xsl"/>
  <xsl:include href="common/registers.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- The hooks: an entry stylesheet must say what they do; a missing rule is an error. -->
  <xsl:mode name="choice" on-no-match="fail"/>
  <xsl:mode name="anchor" on-no-match="fail"/>

  <!-- Fail loudly on what we do not know: a new TEI element must get a rule, never vanish. -->
  <xsl:template match="*" priority="-10">
    <xsl:message terminate="yes" error-code="f:unknown-element">lefort-tei views: no rule for the TEI element "{name()}" at /{string-join(ancestor-or-self::*/name(), '/')}{ancestor-or-self::*[@xml:id][1] ! (' (inside xml:id=' || @xml:id || ')')}: add a template to xslt/common/text.xsl</xsl:message>
  </xsl:template>

</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  The reading view: the editor's corrected text ("Trotsky", note numbers as superscripts).

  In: a TEI edition. Out: an HTML fragment (see common.xsl). Differs from diplomatic.xsl only in
  the hooks: a choice shows the correction (corr, reg, expan) with the source's form in a
  tooltip; a note anchor prints its number as a superscript link, the printed marker in a tooltip;
  the source's layout (line breaks, furniture, markup characters) is not shown, and a word divided
  at a line end reads as one.
  print.xsl imports this file and overrides the hooks or the named template "link".
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:lefort-tei:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="view" as="xs:string" select="'reading'"/>

  <xsl:template match="choice" mode="choice">
    <xsl:call-template name="choice-mark">
      <xsl:with-param name="shown" select="corr | reg | expan"/>
      <xsl:with-param name="other" select="sic | orig | abbr"/>
      <xsl:with-param name="other-label" select="'printed'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- the white space between a line-end hyphen and the rest of its word (a line end, a page
       break, furniture) is dropped, so that the word reads as one -->
  <xsl:template match="text()[not(normalize-space())]
      [(following-sibling::node()[self::lb or self::text()[normalize-space()]])[1][self::lb[@break = 'no']]]"/>

  <xsl:template match="ref" mode="anchor">
    <sup class="note-number" title="printed {normalize-space(string-join(.//text()[not(ancestor::corr | ancestor::reg | ancestor::expan)], ''))}">
      <xsl:call-template name="note-link">
        <xsl:with-param name="content" select="string((@n, f:target(., @target)/@n)[1])"/>
      </xsl:call-template>
    </sup>
  </xsl:template>

</xsl:stylesheet>

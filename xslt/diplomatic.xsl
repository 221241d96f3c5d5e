<?xml version="1.0" encoding="UTF-8"?>
<!--
  The diplomatic view: the text exactly as the source has it ("Wrotsky", "(l6)").

  In: a TEI edition. Out: an HTML fragment (see common.xsl). Differs from reading.xsl only in the
  its hooks: a choice shows the source's reading (sic, orig, abbr) with the correction in a
  tooltip; a note anchor prints the marker as printed; the source's layout (line breaks, page
  furniture, markup characters, line-end hyphens) shows.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="view" as="xs:string" select="'diplomatic'"/>

  <xsl:template match="choice" mode="choice">
    <xsl:call-template name="choice-mark">
      <xsl:with-param name="shown" select="sic | orig | abbr"/>
      <xsl:with-param name="other" select="corr | reg | expan"/>
      <xsl:with-param name="other-label" select="'corrected'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- the source's layout: a line break (shown as a new line by the "page layout" switch, CSS
       .page-layout .lb), page furniture, light markup's characters; a line-end hyphen as printed -->
  <xsl:template match="lb" mode="source-layout"><span class="lb{@break ! (' lb-' || .)}"></span></xsl:template>
  <xsl:template match="fw" mode="source-layout"><span class="fw fw-{@type}"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="c" mode="source-layout"><span class="markup"><xsl:value-of select="."/></span></xsl:template>
  <xsl:template match="choice" mode="hyphen"><xsl:value-of select="orig"/></xsl:template>

  <xsl:template match="ref" mode="anchor">
    <xsl:call-template name="note-link">
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>

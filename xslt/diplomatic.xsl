<?xml version="1.0" encoding="UTF-8"?>
<!--
  The diplomatic view: the text exactly as the source has it ("Wrotsky", "(l6)").

  In: a TEI edition. Out: an HTML fragment (see common.xsl). Differs from reading.xsl only in the
  two hooks: a choice shows the source's reading (sic, orig, abbr) with the correction in a
  tooltip; a note anchor prints the marker as printed.
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

  <xsl:template match="ref" mode="anchor">
    <xsl:call-template name="note-link">
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>

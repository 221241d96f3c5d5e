<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition of the DIPLOMATIC text (lefort-tei pdf with the option view diplomatic), for editors who
  proofread against the source.

  In: a TEI document of lefort-tei. Out: the same kind of HTML fragment as print.xsl.

  It imports the diplomatic view (the source exactly as it stands, OCR oddities included) then
  print-common.xsl (which wins over the view, being imported later); it overrides only what a proofreader needs to see as printed: the
  note markers as the source prints them ("(l6)", not a corrected superscript 16), and the title
  page's statement of what this PDF holds.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:print="urn:lefort-tei:print"
  exclude-result-prefixes="#all">

  <xsl:import href="diplomatic.xsl"/>
  <xsl:import href="print-common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:variable name="print:view-statement" as="xs:string"
    select="'Diplomatic text: the source exactly as it stands, misprints included, for proofreading.'"/>

  <!-- The marker as printed in the source: the diplomatic view's own rendering of the anchor. -->
  <xsl:template match="tei:ref" mode="print:call" as="xs:string">
    <xsl:variable name="printed"><xsl:apply-templates select="node()"/></xsl:variable>
    <xsl:sequence select="normalize-space($printed)"/>
  </xsl:template>

</xsl:stylesheet>

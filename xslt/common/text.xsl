<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text of the edition, block by block and inline, the same in every view.

  In: tei:TEI (the default mode). Out: <article class="edition VIEW"> with the title page, a table
  of contents, the body (sections, paragraphs numbered with stable ids #p12, block quotations with
  their source) and the endnotes (each with a back-link to its anchor). Blocks that a parallel
  view pairs carry data-pair="TEI xml:id". Choices and note anchors go to the entry's hooks.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:lefort-tei:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template match="/">
    <xsl:apply-templates select="TEI"/>
  </xsl:template>

  <xsl:template match="TEI">
    <article class="edition {$view}" lang="{(@xml:lang, 'en')[1]}">
      <xsl:apply-templates select="text"/>
    </article>
  </xsl:template>

  <!-- Editorial matter has its own pages (index, registers), not the text: the header, standOff
       and the registers, editorial divisions of the back (div[@type = 'editorial']). -->
  <xsl:template match="teiHeader | standOff | div[@type = 'editorial']"/>

  <xsl:template match="text">
    <xsl:apply-templates select="front"/>
    <xsl:call-template name="toc"/>
    <xsl:apply-templates select="body, back"/>
  </xsl:template>

  <xsl:template match="front">
    <header class="front"><xsl:apply-templates/></header>
  </xsl:template>

  <xsl:template match="body | back">
    <div class="{local-name()}"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="titlePage">
    <div class="title-page" data-pair="title-page"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="docTitle | argument">
    <div class="{local-name()}"><xsl:apply-templates select="@xml:lang, node()"/></div>
  </xsl:template>

  <xsl:template match="titlePart[not(preceding-sibling::titlePart)]">
    <h1 class="doc-title"><xsl:apply-templates/></h1>
  </xsl:template>

  <xsl:template match="titlePart">
    <p class="doc-subtitle"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="byline">
    <p class="byline"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="docAuthor">
    <span class="doc-author"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="div">
    <section class="div div-{(@type, 'plain')[1]}" id="{f:html-id(.)}">
      <xsl:apply-templates select="@xml:lang"/>
      <xsl:if test="@type = 'notes' and not(head)">
        <h2 class="editorial" id="{f:html-id(.)}-head">Notes</h2>
      </xsl:if>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="head">
    <xsl:element name="h{min((count(ancestor::div) + 1, 6))}">
      <xsl:attribute name="id" select="f:html-id(.)"/>
      <xsl:attribute name="data-pair" select="f:base-id(.)"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="p">
    <xsl:variable name="n" select="f:paragraph-number(.)"/>
    <p>
      <xsl:if test="@xml:id">
        <xsl:attribute name="id" select="f:html-id(.)"/>
        <xsl:attribute name="data-pair" select="@xml:id"/>
      </xsl:if>
      <xsl:apply-templates select="@xml:lang"/>
      <xsl:if test="$n">
        <xsl:call-template name="link">
          <xsl:with-param name="href" select="'#' || f:html-id(.)"/>
          <xsl:with-param name="class" select="'pnum'"/>
          <xsl:with-param name="label" select="'paragraph ' || $n"/>
          <xsl:with-param name="content" select="$n"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <xsl:template match="quote[@type = 'block']">
    <figure class="block-quote" id="{f:html-id(.)}" data-pair="{f:base-id(.)}">
      <blockquote><xsl:apply-templates select="@xml:lang, node()"/></blockquote>
      <xsl:apply-templates select="f:target(., @source)" mode="quote-source"/>
    </figure>
  </xsl:template>

  <!-- Verse in a block quotation: a line group, one l per printed line (the line ends and the
       indentation between the l elements are the source's layout, not shown). -->
  <xsl:template match="lg">
    <div class="lg">
      <xsl:if test="@xml:id">
        <xsl:attribute name="id" select="f:html-id(.)"/>
        <xsl:attribute name="data-pair" select="@xml:id"/>
      </xsl:if>
      <xsl:apply-templates select="@xml:lang, l"/>
    </div>
  </xsl:template>

  <xsl:template match="l">
    <span class="l"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="quote">
    <span class="quote"><xsl:apply-templates select="@xml:lang, node()"/></span>
  </xsl:template>

  <!-- The source of a block quotation: the work cited by the bibl it points to, its pages, its note. -->
  <xsl:template match="bibl" mode="quote-source">
    <xsl:variable name="work" select="f:target(., ref[1]/@target)"/>
    <xsl:variable name="note" select="ancestor::note[1]"/>
    <figcaption class="quote-source">
      <span class="editorial">Source: </span>
      <xsl:choose>
        <xsl:when test="$work">
          <xsl:call-template name="link">
            <xsl:with-param name="href" select="f:href($work)"/>
            <xsl:with-param name="content"><cite>{f:reading($work/title[1])}</cite></xsl:with-param>
          </xsl:call-template>
          <xsl:if test="$work/author">{' (' || f:reading($work/author[1]) || ')'}</xsl:if>
        </xsl:when>
        <xsl:otherwise>{f:reading(.)}</xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$work and biblScope">{', ' || f:pages(biblScope)}</xsl:if>
      <xsl:if test="$note">
        <xsl:text> · </xsl:text>
        <xsl:call-template name="link">
          <xsl:with-param name="href" select="f:href($note)"/>
          <xsl:with-param name="content" select="'see note ' || $note/@n"/>
        </xsl:call-template>
      </xsl:if>
    </figcaption>
  </xsl:template>

  <xsl:template match="*" mode="quote-source"/>

  <!-- A note; its printed label links back to its anchor (a note without a label gets "↩"). -->
  <!-- A note printed at the page's foot (page dumps) stays where the page has it: inline, so that
       it may sit inside a paragraph that runs over the page; shown as a small block. -->
  <xsl:template match="note[@place = 'foot']" priority="1">
    <span class="note note-foot" id="{f:html-id(.)}" data-pair="{f:base-id(.)}">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="note">
    <div class="note" id="{f:html-id(.)}" data-pair="{f:base-id(.)}">
      <xsl:apply-templates select="@xml:lang"/>
      <xsl:if test="not(.//label)">
        <xsl:call-template name="back-link"><xsl:with-param name="content" select="'↩'"/></xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="note//label[. is ancestor::note[1]/descendant::label[1]]">
    <xsl:call-template name="back-link">
      <xsl:with-param name="content"><span class="label"><xsl:apply-templates/></span></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="label">
    <span class="label"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template name="back-link">
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="note" select="ancestor-or-self::note[1]"/>
    <xsl:variable name="anchor" select="$note/@xml:id ! key('anchors', ., root($note))[1]"/>
    <xsl:choose>
      <xsl:when test="$anchor">
        <xsl:call-template name="link">
          <xsl:with-param name="href" select="f:href($anchor)"/>
          <xsl:with-param name="class" select="'note-back'"/>
          <xsl:with-param name="title" select="'back to the text (' || f:where($anchor) || ')'"/>
          <xsl:with-param name="label" select="'note ' || $note/@n || ', back to the text (' || f:where($anchor) || ')'"/>
          <xsl:with-param name="content" select="$content"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$content"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===================================================================== inline -->

  <xsl:template match="choice">
    <xsl:apply-templates select="." mode="choice"/>
  </xsl:template>

  <xsl:template match="ref[@type = 'noteAnchor']">
    <xsl:apply-templates select="." mode="anchor"/>
  </xsl:template>

  <xsl:template match="ref">
    <xsl:variable name="target" select="f:target(., @target)"/>
    <xsl:call-template name="link">
      <xsl:with-param name="href" select="if ($target) then f:href($target) else string(@target)"/>
      <xsl:with-param name="class" select="'ref'"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A person or a title: a link to its register entry, unless already inside a link. -->
  <xsl:template match="persName | title">
    <xsl:variable name="entry" select="f:target(., tokenize(@ref)[1])"/>
    <xsl:variable name="class" select="if (self::persName) then 'person' else 'title title-' || (@level, 'm')[1]"/>
    <xsl:variable name="content">
      <xsl:choose>
        <xsl:when test="self::title"><cite><xsl:apply-templates/></cite></xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$entry and not(ancestor::ref | ancestor::persName[@ref] | ancestor::title[@ref])">
        <xsl:call-template name="link">
          <xsl:with-param name="href" select="f:href($entry)"/>
          <xsl:with-param name="class" select="$class"/>
          <xsl:with-param name="id" select="f:html-id(.)"/>
          <xsl:with-param name="tabindex" select="if (. is key('mentions-in-block', f:local-target(tokenize(@ref)[1]) || '|'
              || generate-id(ancestor::*[self::p or self::head or self::note or self::item][1]))[1]) then () else '-1'"/>
          <xsl:with-param name="content" select="$content"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$class}">
          <xsl:if test="@ref"><xsl:attribute name="id" select="f:html-id(.)"/></xsl:if>
          <xsl:sequence select="$content"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="date[@when]">
    <time class="date" datetime="{@when}"><xsl:apply-templates/></time>
  </xsl:template>

  <xsl:template match="date">
    <span class="date" title="{string-join((@from ! ('from ' || .), @to ! ('to ' || .)), ' ')}"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="bibl">
    <span class="bibl"><xsl:if test="@xml:id"><xsl:attribute name="id" select="f:html-id(.)"/></xsl:if><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="biblScope">
    <span class="bibl-scope"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="metamark">
    <span class="metamark" title="{(@function, 'editorial')[1]} mark in the source"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- A control character of the source that XML cannot hold: its control picture ("␇"), named. -->
  <xsl:template match="g">
    <span class="glyph" title="{(key('id', substring(@ref, 2))/desc, 'a character of the source')[1]}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- A page break prints a discreet mark; with a printed number, the number in the margin
       ("p. 14", so that a reader can cite the page). -->
  <xsl:template match="pb">
    <span class="pb" title="page break in the source{@n ! (' (page ' || . || ')')}">
      <xsl:if test="@n"><xsl:attribute name="data-n" select="@n"/></xsl:if>
    </span>
  </xsl:template>

  <!-- The source's layout inside the text: line breaks and page furniture of a page dump, the
       characters of light markup ("_" of "_italics_", "<i>"). The hook (mode "source-layout") is
       the view's: the diplomatic view shows them (diplomatic.xsl), the reading view does not. -->
  <xsl:template match="lb | fw | c[@type = 'markup']">
    <xsl:apply-templates select="." mode="source-layout"/>
  </xsl:template>
  <xsl:template match="*" mode="source-layout"/>

  <!-- A line-end hyphen is layout, not a correction: the view's hook (mode "hyphen") prints the
       hyphen as printed (diplomatic) or the joined word, or a kept compound hyphen (reading).
       A character reference left in the source ("&amp;amp;", "&amp;#8212;") is markup, not a
       correction either: the same hook prints it as printed or the character it stands for. -->
  <xsl:template match="choice[reg/@type = ('hyphenation', 'entity')]" priority="1">
    <xsl:apply-templates select="." mode="hyphen"/>
  </xsl:template>
  <xsl:template match="choice" mode="hyphen"><xsl:value-of select="reg"/></xsl:template>

  <!-- A numbered list inside a paragraph: HTML allows no list inside p, so spans shown as
       lines (CSS .list .item); each item keeps its number as printed. -->
  <xsl:template match="list">
    <span class="list list-{@type}" role="list"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="item">
    <span class="item" role="listitem"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="emph"><em><xsl:apply-templates/></em></xsl:template>

  <xsl:template match="hi | foreign | name | placeName | orgName | seg">
    <span class="{local-name()}{@rend ! (' rend-' || .)}"><xsl:apply-templates select="@xml:lang, node()"/></span>
  </xsl:template>

  <xsl:template match="@xml:lang">
    <xsl:attribute name="lang" select="."/>
  </xsl:template>

</xsl:stylesheet>

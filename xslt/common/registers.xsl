<?xml version="1.0" encoding="UTF-8"?>
<!--
  The fragments around the text: table of contents, persons, works cited, notes, about.

  In: the TEI document node, in a mode (set by lefort_tei.render.xslt: "persons", "works", "notes",
  "about"); the table of contents is the named template "toc". Out: an HTML fragment whose links
  go to the text page ($text-page), the notes ($notes-page) and the registers.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:lefort-tei:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template name="toc">
    <xsl:variable name="sections" select="body/div | back/div[@type = 'notes']"/>
    <xsl:if test="$sections">
      <nav class="toc" aria-labelledby="{$id-prefix}toc-heading">
        <h2 id="{$id-prefix}toc-heading">Contents</h2>
        <ol>
          <xsl:for-each select="$sections">
            <li>
              <xsl:call-template name="link">
                <xsl:with-param name="href" select="f:href(.)"/>
                <xsl:with-param name="content" select="
                    if (head) then f:reading(head[1])
                    else if (@type = 'notes') then 'Notes'
                    else 'Section ' || position() || ' (untitled)'"/>
              </xsl:call-template>
            </li>
          </xsl:for-each>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- ===================================================================== persons -->

  <xsl:template match="/" mode="persons">
    <xsl:variable name="persons" select="//listPerson/person"/>
    <div class="register persons">
      <xsl:if test="empty($persons)">
        <p>This edition has no register of persons yet.</p>
      </xsl:if>
      <xsl:for-each select="$persons">
        <xsl:sort select="tokenize(f:standard-name(.))[last()]" lang="en"/>
        <xsl:sort select="f:standard-name(.)" lang="en"/>
        <xsl:variable name="mentions" select="key('mentions', @xml:id)"/>
        <section class="entry person-entry" id="{@xml:id}">
          <h2>{f:standard-name(.)}<xsl:if test="birth | death"><span class="life"> ({f:reading(birth)}–{f:reading(death)})</span></xsl:if></h2>
          <xsl:if test="persName[@type = 'variant']">
            <p class="forms">Also printed as: {string-join(persName[@type = 'variant'] ! f:reading(.), '; ')}</p>
          </xsl:if>
          <xsl:for-each select="note"><p class="person-note">{f:reading(.)}</p></xsl:for-each>
          <xsl:for-each select="idno[@type = 'wikidata']">
            <p class="idno"><a href="https://www.wikidata.org/wiki/{normalize-space(.)}">Wikidata entry {normalize-space(.)}</a></p>
          </xsl:for-each>
          <xsl:call-template name="places">
            <xsl:with-param name="places" select="$mentions"/>
            <xsl:with-param name="what" select="'Mentioned'"/>
          </xsl:call-template>
        </section>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:function name="f:standard-name" as="xs:string">
    <xsl:param name="person" as="element()"/>
    <xsl:sequence select="f:reading(($person/persName[@type = 'standard'], $person/persName)[1])"/>
  </xsl:function>

  <!-- A list of places in the text, each a link that lands on the element itself. -->
  <xsl:template name="places">
    <xsl:param name="places" as="element()*"/>
    <xsl:param name="what" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="empty($places)">
        <p class="mentions none">{$what}: nowhere in the text.</p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="groups" select="count(distinct-values($places ! f:where(.)))"/>
        <p class="mentions-count">{$what} {f:times(count($places))}{if ($groups lt count($places)) then ', in ' || $groups || ' places' else ''}:</p>
        <ul class="mentions">
          <!-- one item per place: the first link names the place, the others are numbered -->
          <xsl:for-each-group select="$places" group-adjacent="f:where(.)">
            <li>
              <xsl:call-template name="link">
                <xsl:with-param name="href" select="f:href(.)"/>
                <xsl:with-param name="content" select="current-grouping-key() || ': ' || f:excerpt(., 10)"/>
              </xsl:call-template>
              <xsl:for-each select="current-group()[position() gt 1]">
                <xsl:text> </xsl:text>
                <xsl:call-template name="link">
                  <xsl:with-param name="href" select="f:href(.)"/>
                  <xsl:with-param name="class" select="'again'"/>
                  <!-- the accessible name begins with the visible number (WCAG 2.5.3, label in name) -->
                  <xsl:with-param name="label" select="(position() + 1) || ': ' || current-grouping-key() || ', the ' || f:ordinal(position() + 1) || ' time: ' || f:excerpt(., 10)"/>
                  <xsl:with-param name="content" select="string(position() + 1)"/>
                </xsl:call-template>
              </xsl:for-each>
            </li>
          </xsl:for-each-group>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="f:times" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($n = 1) then 'once' else if ($n = 2) then 'twice' else $n || ' times'"/>
  </xsl:function>

  <xsl:function name="f:ordinal" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="$n || (if ($n mod 100 = (11, 12, 13)) then 'th' else ('th', 'st', 'nd', 'rd', 'th', 'th', 'th', 'th', 'th', 'th')[$n mod 10 + 1])"/>
  </xsl:function>

  <!-- ===================================================================== works cited -->

  <xsl:template match="/" mode="works">
    <xsl:variable name="works" select="//listBibl[@type = 'worksCited']/bibl"/>
    <div class="register works">
      <xsl:if test="empty($works)">
        <p>This edition has no list of works cited yet.</p>
      </xsl:if>
      <xsl:for-each select="$works">
        <xsl:variable name="citations" select="key('work-citations', @xml:id)"/>
        <xsl:variable name="quotations" select="//text//quote[@source][f:target(., @source) intersect $citations]"/>
        <section class="entry work-entry" id="{@xml:id}">
          <h2><cite>{f:reading(title[1])}</cite></h2>
          <p class="bibl-full"><xsl:apply-templates select="." mode="work-description"/></p>
          <xsl:call-template name="places">
            <xsl:with-param name="places" select="$quotations"/>
            <xsl:with-param name="what" select="'Quoted'"/>
          </xsl:call-template>
          <xsl:call-template name="places">
            <xsl:with-param name="places" select="$citations/ancestor::note[1]"/>
            <xsl:with-param name="what" select="'Cited in the notes'"/>
          </xsl:call-template>
          <xsl:if test="key('title-mentions', @xml:id)">
            <xsl:call-template name="places">
              <xsl:with-param name="places" select="key('title-mentions', @xml:id)"/>
              <xsl:with-param name="what" select="'Named'"/>
            </xsl:call-template>
          </xsl:if>
        </section>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- "Leon Trotsky, Stalin, trans. Charles Malamuth (London: Hollis and Carter, 1947)." -->
  <xsl:template match="bibl" mode="work-description">
    <xsl:variable name="imprint" select="string-join((
        string-join((pubPlace, publisher) ! f:reading(.), ': '), date ! f:reading(.))[.], ', ')"/>
    <xsl:value-of select="string-join(author ! f:reading(.), ' and ') || (if (author) then ', ' else '')"/>
    <xsl:apply-templates select="title" mode="work-title"/>
    <xsl:for-each select="editor">{if (@role = 'translator') then ', trans. ' else ', ed. '}{f:reading(.)}</xsl:for-each>
    <xsl:if test="$imprint"> ({$imprint})</xsl:if>
    <xsl:text>.</xsl:text>
    <xsl:for-each select="note"> {f:reading(.)}</xsl:for-each>
  </xsl:template>

  <!-- ===================================================================== corrections -->

  <!-- The apparatus: every correction of the text, in the order of the text, with the printed and
       the corrected form, its place (a link), the reason, who made it, how certain it is. -->
  <xsl:template match="/" mode="corrections">
    <xsl:variable name="choices" select="//text//choice[corr | reg | expan]"/>
    <div class="register corrections">
      <xsl:choose>
        <xsl:when test="empty($choices)">
          <p>This edition corrects nothing: the reading text is the source as printed.</p>
        </xsl:when>
        <xsl:otherwise>
          <p class="corrections-count">{count($choices)} {if (count($choices) = 1) then 'correction' else 'corrections'}, in the order of the text.
            The diplomatic text keeps the printed form, the reading text shows the correction.</p>
          <ol class="correction-list">
            <xsl:for-each select="$choices">
              <li class="correction-entry">
                <xsl:if test="@xml:id"><xsl:attribute name="id" select="f:base-id(.)"/></xsl:if>
                <p class="correction-forms">
                  <span class="editorial">printed </span><span class="printed">{f:printed(.)}</span>
                  <span class="editorial"> → corrected </span><span class="corrected">{f:corrected(.)}</span>
                  <xsl:text> · </xsl:text>
                  <xsl:call-template name="link">
                    <xsl:with-param name="href" select="f:href(f:correction-place(.))"/>
                    <xsl:with-param name="content" select="f:where(.)"/>
                  </xsl:call-template>
                </p>
                <p class="correction-facts">
                  <xsl:value-of select="string-join((
                      f:correction-reason(.)[.] ! ('Reason: ' || .),
                      f:correction-kind(.)[.] ! ('kind: ' || .),
                      f:correction-by(.)[.] ! ('by: ' || .),
                      f:correction-cert(.)[.] ! ('certainty: ' || .)), ' · ')"/>
                </p>
              </li>
            </xsl:for-each>
          </ol>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- A title in a work's description: an article's in quotation marks and roman, any other's
       italic; the second and later titles after a comma ("Article", Journal). -->
  <xsl:template match="title" mode="work-title">
    <xsl:if test="position() gt 1">, </xsl:if>
    <xsl:choose>
      <xsl:when test="@level = 'a'">“<cite class="title-a">{f:reading(.)}</cite>”</xsl:when>
      <xsl:otherwise><cite>{f:reading(.)}</cite></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===================================================================== notes, about -->

  <xsl:template match="/" mode="notes">
    <div class="register notes-page">
      <xsl:apply-templates select="//text/back//note[f:in-text(.)]"/>
    </div>
  </xsl:template>

  <xsl:template match="/" mode="about">
    <xsl:variable name="header" select="TEI/teiHeader"/>
    <xsl:variable name="title" select="f:reading(($header//titleStmt/title[@type = 'main'], $header//titleStmt/title)[1])"/>
    <xsl:variable name="authors" select="string-join($header//titleStmt/author ! f:reading(.), ' and ')"/>
    <xsl:variable name="editors" select="string-join($header//titleStmt/respStmt[1]/name ! f:reading(.), ', ')"/>
    <xsl:variable name="date" select="f:reading($header//publicationStmt/date[1])"/>
    <div class="about" lang="{(TEI/@xml:lang, 'en')[1]}">
      <p class="about-title"><cite>{$title}</cite>{if ($authors) then ' by ' || $authors else ''}</p>
      <xsl:if test="$header//sourceDesc/bibl">
        <h2>Source</h2>
        <ul class="sources">
          <xsl:for-each select="$header//sourceDesc/bibl">
            <li>{normalize-space(string-join(node() ! (if (self::idno) then '(' || (@type, 'id')[1] || ': ' || f:reading(.) || ')' else f:reading(.)), ' '))}</li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <h2>How to cite this edition</h2>
      <xsl:variable name="url" select="if (f:safe-href($edition-url) and matches($edition-url, '^https?://', 'i')) then $edition-url else ''"/>
      <p class="how-to-cite">{string-join(($authors, '“' || $title || '”', 'TEI edition' || ($editors ! (' by ' || .)), $date)[.], ', ')}<xsl:if test="$url">, <a href="{$url}">{$url}</a></xsl:if>.
        Cite a passage by its paragraph number, e.g. “¶ 12”, which is also a stable link
        (<xsl:choose><xsl:when test="$url"><a href="{$url}reading.html#p12">{$url}reading.html#p12</a></xsl:when><xsl:otherwise>reading.html#p12</xsl:otherwise></xsl:choose>);
        the number beside each paragraph of the reading text offers its citation.</p>
      <xsl:for-each select="$header//availability">
        <p class="licence">Licence: {f:reading(.)}</p>
      </xsl:for-each>
      <xsl:if test="$header//editorialDecl/*/p">
        <h2>Editorial principles</h2>
        <xsl:for-each select="$header//editorialDecl/*/p"><p>{f:reading(.)}</p></xsl:for-each>
      </xsl:if>
    </div>
  </xsl:template>

</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the print edition does differently from the web views, for either text.

  In: a TEI document of lefort-tei (teiHeader, text › front/body/back, standOff).
  Out: one HTML fragment (<div class="print-edition">) for CSS Paged Media: title page, imprint,
  contents, the text with its notes as footnotes at their anchors, the notes no anchor points
  to, and the index of persons. jinja2 wraps it in a page (templates/print/page.html) and
  WeasyPrint lays it out (lefort_tei.render.pdf).

  This module has no view of its own. An entry stylesheet imports a web view first and this
  module second (print.xsl: reading.xsl; print-diplomatic.xsl: diplomatic.xsl); the later import
  has the higher precedence, so paragraphs, quotations, choices, names and titles are rendered
  as that view renders them, and only what is below wins: the hooks of common.xsl that print
  differently (the named template "link": no links on paper; mode "anchor": the note itself,
  floated to the foot of the page), the sources of block quotations (given by the footnote),
  and the page furniture.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:lefort-tei:functions"
  xmlns:print="urn:lefort-tei:print"
  exclude-result-prefixes="#all">

  <!-- The line the title page gives to what this PDF holds; the diplomatic entry overrides it. -->
  <xsl:variable name="print:view-statement" as="xs:string"
    select="'Reading text: the source with the editor’s corrections.'"/>

  <xsl:variable name="print:title" as="xs:string"
    select="normalize-space((//tei:titlePage//tei:titlePart, //tei:titleStmt/tei:title[@type = 'main'],
                             //tei:titleStmt/tei:title)[1])"/>

  <!-- ================================================================ the whole book -->

  <xsl:template match="/">
    <div class="print-edition" lang="{(tei:TEI/@xml:lang, 'en')[1]}">
      <xsl:call-template name="print:title-page"/>
      <xsl:call-template name="print:imprint"/>
      <xsl:call-template name="print:contents"/>
      <xsl:apply-templates select="tei:TEI/tei:text/tei:body" mode="print:text"/>
      <xsl:call-template name="print:unanchored-notes"/>
      <xsl:call-template name="print:works-cited"/>
      <xsl:call-template name="print:emendations"/>
      <xsl:call-template name="print:index-of-persons"/>
    </div>
  </xsl:template>

  <!-- ================================================================ title page -->

  <xsl:template name="print:title-page">
    <xsl:variable name="front" select="tei:TEI/tei:text/tei:front"/>
    <xsl:variable name="header" select="tei:TEI/tei:teiHeader"/>
    <section class="title-page">
      <h1 class="book-title">
        <xsl:choose>
          <xsl:when test="$front/tei:titlePage//tei:titlePart">
            <xsl:apply-templates select="($front/tei:titlePage//tei:titlePart)[1]/node()"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$print:title"/></xsl:otherwise>
        </xsl:choose>
      </h1>
      <xsl:for-each select="print:authors(/)">
        <p class="book-author"><xsl:value-of select="."/></p>
      </xsl:for-each>
      <xsl:for-each select="print:translators(/)">
        <p class="book-translator">Translated by <xsl:value-of select="."/></p>
      </xsl:for-each>
      <!-- The rest of the source's front matter (blurb, provenance line), as the view reads it. -->
      <xsl:for-each select="$front/(tei:argument | tei:div)">
        <div class="front-matter front-{(@type, local-name())[1]}">
          <xsl:apply-templates select="tei:p"/>
        </div>
      </xsl:for-each>
      <div class="edition-statement">
        <p class="view-statement"><xsl:value-of select="$print:view-statement"/></p>
        <xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub']">
          <p class="subtitle"><xsl:value-of select="print:sentence(.)"/></p>
        </xsl:for-each>
        <xsl:variable name="editors" select="print:editors(/)"/>
        <xsl:if test="exists($editors)">
          <p class="book-editor">Edited by <xsl:value-of select="string-join($editors, ' and ')"/></p>
        </xsl:if>
        <xsl:for-each select="$header/tei:fileDesc/tei:publicationStmt/tei:publisher">
          <p class="publisher"><xsl:value-of select="string-join((normalize-space(.),
              print:year(/)), ' · ')"/></p>
        </xsl:for-each>
        <xsl:for-each select="print:url(/)">
          <p class="edition-url"><xsl:value-of select="."/></p>
        </xsl:for-each>
      </div>
    </section>
  </xsl:template>

  <xsl:function name="print:authors" as="xs:string*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="on-title-page" select="$doc//tei:titlePage//tei:docAuthor"/>
    <xsl:sequence select="(if ($on-title-page) then $on-title-page
                           else $doc//tei:titleStmt/tei:author) ! normalize-space(.)"/>
  </xsl:function>

  <!-- A translator is known when the header or the source description says so; never guessed. -->
  <xsl:function name="print:translators" as="xs:string*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="distinct-values((
        $doc//tei:titleStmt/tei:editor[@role = 'translator'],
        $doc//tei:titleStmt/tei:respStmt[matches(tei:resp, 'transl', 'i')]/(tei:persName | tei:name),
        $doc//tei:sourceDesc//tei:editor[@role = 'translator']) ! normalize-space(.))"/>
  </xsl:function>

  <!-- The editors: the names of the first responsibility statement (the data file's editors). -->
  <xsl:function name="print:editors" as="xs:string*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="$doc/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt[1]/tei:name ! normalize-space(.)"/>
  </xsl:function>

  <xsl:function name="print:year" as="xs:string?">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="($doc/tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date/@when
                           ! substring(., 1, 4))[1]"/>
  </xsl:function>

  <!-- The web edition's address ([edition] url), when it is an http(s) address. -->
  <xsl:function name="print:url" as="xs:string?">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="($doc/tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'URL']
                           ! normalize-space(.))[matches(., '^https?://\S+$', 'i')][1]"/>
  </xsl:function>

  <!-- "a TEI P5 edition" → "A TEI P5 edition." -->
  <xsl:function name="print:sentence" as="xs:string">
    <xsl:param name="text" as="item()"/>
    <xsl:variable name="s" select="normalize-space($text)"/>
    <xsl:sequence select="upper-case(substring($s, 1, 1)) || substring($s, 2)
                          || (if (matches($s, '[.!?]$')) then '' else '.')"/>
  </xsl:function>

  <!-- ================================================================ imprint (verso) -->

  <xsl:template name="print:imprint">
    <xsl:variable name="fileDesc" select="tei:TEI/tei:teiHeader/tei:fileDesc"/>
    <section class="imprint">
      <xsl:if test="$fileDesc/tei:sourceDesc/tei:bibl[not(@type)]">
        <h2 class="imprint-head">Source</h2>
        <xsl:for-each select="$fileDesc/tei:sourceDesc/tei:bibl[not(@type)]">
          <p><xsl:value-of select="print:sentence(.)"/></p>
        </xsl:for-each>
      </xsl:if>
      <h2 class="imprint-head">This edition</h2>
      <xsl:for-each select="$fileDesc/tei:titleStmt/tei:respStmt">
        <p><xsl:value-of select="print:sentence(normalize-space(tei:resp) || ': '
                                 || normalize-space((tei:persName, tei:name, tei:orgName)[1]))"/></p>
      </xsl:for-each>
      <xsl:for-each select="tei:TEI/tei:teiHeader/tei:encodingDesc/tei:editorialDecl/*/tei:p">
        <p><xsl:value-of select="print:sentence(.)"/></p>
      </xsl:for-each>
      <xsl:for-each select="$fileDesc/tei:publicationStmt">
        <p><xsl:value-of select="string-join((tei:publisher ! ('Published by ' || normalize-space(.)),
             tei:availability/tei:licence ! ('licence: ' || normalize-space(.))), '; ') || '.'"/></p>
      </xsl:for-each>
      <h2 class="imprint-head">How to cite</h2>
      <xsl:variable name="date" select="normalize-space($fileDesc/tei:publicationStmt/tei:date[1])"/>
      <p class="how-to-cite"><xsl:value-of select="string-join((string-join(print:authors(/), ' and ')[.],
          '“' || $print:title || '”', 'TEI edition' || (string-join(print:editors(/), ' and ')[.] ! (', ed. ' || .)),
          $date[.], print:url(/)), ', ') || '.'"/>
        A passage is cited by the paragraph number printed in the margin (“¶ 12”)<xsl:for-each select="print:url(/)">, which
        is also its address on the web: <xsl:value-of select="."/>reading.html#p12</xsl:for-each>.</p>
      <p class="typeface">Set in EB Garamond (Georg Duffner, SIL Open Font License).</p>
    </section>
  </xsl:template>

  <!-- ================================================================ contents -->

  <xsl:template name="print:contents">
    <nav class="contents">
      <h2 class="contents-head">Contents</h2>
      <ol>
        <li><a class="toc-entry" href="#text-start"><xsl:value-of select="$print:title"/></a>
          <xsl:variable name="heads" select="tei:TEI/tei:text/tei:body//tei:div/tei:head[1]"/>
          <xsl:if test="$heads">
            <ol>
              <xsl:for-each select="$heads">
                <li><a class="toc-entry" href="#{f:html-id(.)}"><xsl:value-of select="f:reading(.)"/></a></li>
              </xsl:for-each>
            </ol>
          </xsl:if>
        </li>
        <xsl:if test="print:unanchored-notes(/)">
          <li><a class="toc-entry" href="#unanchored-notes">Notes</a></li>
        </xsl:if>
        <xsl:if test="print:works(/)">
          <li><a class="toc-entry" href="#works-cited">Works cited</a></li>
        </xsl:if>
        <xsl:if test="print:emendations(/)">
          <li><a class="toc-entry" href="#emendations">List of emendations</a></li>
        </xsl:if>
        <xsl:if test="print:indexed-persons(/)">
          <li><a class="toc-entry" href="#index-of-persons">Index of persons</a></li>
        </xsl:if>
      </ol>
    </nav>
  </xsl:template>

  <!-- ================================================================ the text -->

  <xsl:template match="tei:body" mode="print:text">
    <article class="text" data-running-head="{$print:title}">
      <header class="half-title">
        <h1 id="text-start" class="text-title"><xsl:value-of select="$print:title"/></h1>
        <xsl:for-each select="print:authors(/)">
          <p class="text-author"><xsl:value-of select="."/></p>
        </xsl:for-each>
      </header>
      <xsl:apply-templates select="*"/>
    </article>
  </xsl:template>

  <!-- No links on paper: what a link would hold, with its id (the index counts pages by it). -->
  <xsl:template name="link">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="class" as="xs:string?" select="()"/>
    <xsl:param name="id" as="xs:string?" select="()"/>
    <xsl:param name="label" as="xs:string?" select="()"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="tabindex" as="xs:string?" select="()"/>
    <xsl:param name="content" as="item()*"/>
    <span>
      <xsl:if test="$class"><xsl:attribute name="class" select="$class"/></xsl:if>
      <xsl:if test="$id"><xsl:attribute name="id" select="$id"/></xsl:if>
      <xsl:sequence select="$content"/>
    </span>
  </xsl:template>

  <!-- The source of a block quotation is in its footnote; no caption under the quotation. -->
  <xsl:template match="tei:bibl" mode="quote-source"/>

  <!-- ================================================================ notes as footnotes -->

  <!-- The anchor hook: the note itself, which CSS floats to the foot of the page, drawing the
       call from data-call. A second anchor to the same note, or one inside a note, only calls. -->
  <xsl:template match="tei:ref" mode="anchor">
    <xsl:variable name="note" select="f:target(., @target)[self::tei:note]"/>
    <xsl:variable name="call" as="xs:string"><xsl:apply-templates select="." mode="print:call"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$note and not(ancestor::tei:note)
                      and . is key('anchors', $note/@xml:id)[not(ancestor::tei:note)][1]">
        <xsl:variable name="label"><xsl:apply-templates select="($note//tei:label)[1]/node()"/></xsl:variable>
        <span class="footnote" id="{f:html-id($note)}" data-call="{$call}" data-n="{($note/@n, @n)[1]}"
              data-marker="{(normalize-space($label)[.], $note/@n, $call)[1]}" data-anchor="{f:html-id(.)}">
          <xsl:apply-templates select="$note/*" mode="print:footnote"/>
        </span>
        <span class="anchor" id="{f:html-id(.)}"></span>
      </xsl:when>
      <xsl:otherwise>
        <span class="note-call">
          <xsl:if test="@xml:id"><xsl:attribute name="id" select="f:html-id(.)"/></xsl:if>
          <xsl:value-of select="$call"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The call as the reading text numbers it; print-diplomatic.xsl prints the source's marker.
       The footnote itself is numbered by the note's label as the view reads it (data-marker). -->
  <xsl:template match="tei:ref" mode="print:call" as="xs:string">
    <xsl:sequence select="string((@n, f:target(., @target)/@n, '*')[1])"/>
  </xsl:template>

  <!-- A footnote sits inside a paragraph: no block element in it, spans that CSS sets as blocks. -->
  <xsl:template match="tei:p" mode="print:footnote">
    <span class="fn-p"><xsl:apply-templates select="node() except tei:label"/></span>
  </xsl:template>

  <xsl:template match="tei:quote | tei:cit | tei:lg" mode="print:footnote">
    <span class="fn-quote"><xsl:apply-templates select="*" mode="print:footnote"/></span>
  </xsl:template>

  <xsl:template match="tei:l" mode="print:footnote">
    <span class="fn-line"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:label" mode="print:footnote"/>

  <xsl:template match="*" mode="print:footnote">
    <span class="fn-p"><xsl:apply-templates select="."/></span>
  </xsl:template>

  <!-- The notes division is not printed where the source has it: its notes are footnotes. -->
  <xsl:template match="tei:div[@type = 'notes']"/>

  <!-- Nor is a note printed in place at a chapter's end or a page's foot once an anchor calls it
       as a footnote (an unanchored one stays where it is). -->
  <xsl:template match="tei:body//tei:note[@place = ('foot', 'chapter-end')][key('anchors', @xml:id)]"/>

  <xsl:function name="print:unanchored-notes" as="element(tei:note)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="$doc/tei:TEI/tei:text/tei:back//tei:note[@xml:id]
                          [empty(key('anchors', @xml:id, $doc)[not(ancestor::tei:note)])]"/>
  </xsl:function>

  <!-- A note no anchor points to would otherwise be lost: it is printed after the text. -->
  <xsl:template name="print:unanchored-notes">
    <xsl:variable name="notes" select="print:unanchored-notes(/)"/>
    <xsl:if test="$notes">
      <section class="endnotes" id="unanchored-notes">
        <h2 class="matter-head">Notes</h2>
        <p class="endnotes-explained">These notes have no mark in the text.</p>
        <xsl:for-each select="$notes">
          <p class="endnote" id="{f:html-id(.)}">
            <span class="endnote-n"><xsl:value-of select="@n"/></span>
            <xsl:apply-templates select="*" mode="print:footnote"/>
          </p>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ works cited -->

  <xsl:function name="print:works" as="element(tei:bibl)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="$doc//tei:listBibl[@type = 'worksCited']/tei:bibl"/>
  </xsl:function>

  <!-- Every work the edition cites, by author and title, described as the web's works page does. -->
  <xsl:template name="print:works-cited">
    <xsl:variable name="works" select="print:works(/)"/>
    <xsl:if test="$works">
      <section class="works-cited" id="works-cited">
        <h2 class="matter-head">Works cited</h2>
        <ul class="work-list">
          <xsl:for-each select="$works">
            <xsl:sort select="lower-case(string-join((tei:author ! print:sort-name(.), f:reading(tei:title[1])), ' '))" lang="en"/>
            <li class="work" id="work-{@xml:id}"><xsl:apply-templates select="." mode="work-description"/></li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- "Leon Trotsky" → "trotsky leon", for sorting by surname. -->
  <xsl:function name="print:sort-name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="words" select="tokenize(f:reading($name))"/>
    <xsl:sequence select="string-join(($words[last()], $words[position() lt last()]), ' ')"/>
  </xsl:function>

  <!-- ================================================================ list of emendations -->

  <xsl:function name="print:emendations" as="element(tei:choice)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="$doc/tei:TEI/tei:text//tei:choice[@xml:id][tei:corr | tei:reg | tei:expan]"/>
  </xsl:function>

  <!-- The apparatus on paper: "5  Trotsky] Wrotsky  OCR: W for T (editor, high)", in the order of
       the text; the page number is CSS's target-counter of the correction's id. -->
  <xsl:template name="print:emendations">
    <xsl:variable name="choices" select="print:emendations(/)"/>
    <xsl:if test="$choices">
      <section class="emendations" id="emendations">
        <h2 class="matter-head">List of emendations</h2>
        <p class="emendations-explained">The reading text corrects the source in <xsl:value-of select="count($choices)"/>
          places. Each entry gives the page, the reading adopted, after the bracket the form printed
          in the source, then the reason, who made the correction and how certain it is.</p>
        <ol class="emendation-list">
          <xsl:for-each select="$choices">
            <li class="emendation">
              <a class="emendation-page" href="#{f:html-id(f:correction-place(.))}"></a>
              <span class="lemma"><xsl:value-of select="f:corrected(.)"/></span>
              <xsl:text>] </xsl:text>
              <span class="printed"><xsl:value-of select="f:printed(.)"/></span>
              <xsl:variable name="facts" select="(f:correction-by(.), f:correction-cert(.))[.]"/>
              <xsl:if test="f:correction-reason(.) or exists($facts)">
                <span class="emendation-reason">
                  <xsl:value-of select="string-join((f:correction-reason(.)[.],
                      if (exists($facts)) then '(' || string-join($facts, ', ') || ')' else ()), ' ')"/>
                </span>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ index of persons -->

  <!-- Mentions in the text and its notes (the title page is not indexed). -->
  <xsl:function name="print:indexed-mentions" as="element(tei:persName)*">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:sequence select="key('mentions', $person/@xml:id, root($person))
                          [ancestor::tei:body or ancestor::tei:back]"/>
  </xsl:function>

  <xsl:function name="print:indexed-persons" as="element(tei:person)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="$doc//tei:listPerson/tei:person[@xml:id][exists(print:indexed-mentions(.))]"/>
  </xsl:function>

  <!-- One entry per person, by surname, with one link per mention whose page number CSS prints
       (target-counter); lefort_tei.render.pdf then keeps one link per page. -->
  <xsl:template name="print:index-of-persons">
    <xsl:variable name="persons" select="print:indexed-persons(/)"/>
    <xsl:if test="$persons">
      <section class="index" id="index-of-persons">
        <h2 class="matter-head">Index of persons</h2>
        <ul class="index-entries">
          <xsl:for-each select="$persons">
            <xsl:sort select="lower-case(print:index-name(.))" lang="en"/>
            <li class="index-entry" id="index-{@xml:id}">
              <span class="index-name"><xsl:value-of select="print:index-name(.)"/></span>
              <xsl:for-each select="print:life-dates(.)">
                <span class="index-dates"><xsl:value-of select="."/></span>
              </xsl:for-each>
              <span class="index-pages">
                <xsl:for-each select="print:indexed-mentions(.)">
                  <a class="index-page" href="#{f:html-id(.)}"></a>
                </xsl:for-each>
              </span>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- "Leon Trotsky" → "Trotsky, Leon"; tagged surname and forenames win when the register has
       them; a regnal name ("Louis XIV") and a single name ("Voline") are not inverted. -->
  <xsl:function name="print:index-name" as="xs:string">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:variable name="name" select="($person/tei:persName[@type = 'standard'], $person/tei:persName)[1]"/>
    <xsl:variable name="words" select="tokenize(f:reading($name))"/>
    <xsl:sequence select="
      if ($name/tei:surname) then
        string-join((f:reading($name/tei:surname), f:reading($name/tei:forename)[.]), ', ')
      else if (count($words) gt 1 and not(matches($words[last()], '^[IVXLC]+$'))) then
        $words[last()] || ', ' || string-join($words[position() lt last()], ' ')
      else f:reading($name)"/>
  </xsl:function>

  <xsl:function name="print:life-dates" as="xs:string?">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:variable name="born" select="string(($person/tei:birth/@when, $person/tei:birth)[1])"/>
    <xsl:variable name="died" select="string(($person/tei:death/@when, $person/tei:death)[1])"/>
    <xsl:sequence select="if ($born or $died)
                          then replace($born, '^(-?\d{4}).*$', '$1') || '–' || replace($died, '^(-?\d{4}).*$', '$1')
                          else ()"/>
  </xsl:function>

</xsl:stylesheet>

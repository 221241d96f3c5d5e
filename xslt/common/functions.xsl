<?xml version="1.0" encoding="UTF-8"?>
<!--
  Parameters, keys, functions and the named templates the views share.

  In: TEI nodes. Out: HTML ids, hrefs, labels ("paragraph 12", "note 5") and the three shared
  pieces of markup the entry stylesheets call from their hooks: "link", "choice-mark", "note-link".
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:lefort-tei:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- Where things are. '' means "on this page". -->
  <xsl:param name="id-prefix" as="xs:string" select="''"/>
  <xsl:param name="text-page" as="xs:string" select="''"/>
  <xsl:param name="notes-page" as="xs:string" select="''"/>
  <xsl:param name="persons-page" as="xs:string" select="'persons.html'"/>
  <xsl:param name="works-page" as="xs:string" select="'works.html'"/>
  <xsl:param name="corrections-page" as="xs:string" select="'corrections.html'"/>
  <!-- The web address of the edition's folder ("https://…/NAME/"), or '' when not known. -->
  <xsl:param name="edition-url" as="xs:string" select="''"/>

  <xsl:key name="id" match="*[@xml:id]" use="@xml:id"/>
  <xsl:key name="anchors" match="text//ref[@type = 'noteAnchor']" use="f:local-target(@target)"/>
  <!-- mentions and citations in the text, not in the registers (the back's editorial divisions, f:in-text) -->
  <xsl:key name="mentions" match="text//persName[@ref][not(ancestor::div[@type = 'editorial'])]" use="tokenize(@ref) ! f:local-target(.)"/>
  <xsl:key name="title-mentions" match="text//title[@ref][not(ancestor::div[@type = 'editorial'])]" use="tokenize(@ref) ! f:local-target(.)"/>
  <!-- The mentions of one entry inside one block (paragraph, heading, note, list item): only the
       first is a tab stop, so the keyboard reaches every person of a paragraph once (the others
       stay links for the pointer). "trotsky|d1e234" → the mentions of Trotsky in that block. -->
  <xsl:key name="mentions-in-block" match="text//persName[@ref][not(ancestor::div[@type = 'editorial'])] | text//title[@ref][not(ancestor::div[@type = 'editorial'])]"
           use="f:local-target(tokenize(@ref)[1]) || '|' || generate-id(ancestor::*[self::p or self::head or self::note or self::item][1])"/>
  <xsl:key name="work-citations" match="text//bibl[not(ancestor::div[@type = 'editorial'])]" use="ref/@target ! f:local-target(.)"/>
  <xsl:key name="why" match="standOff//annotation[@target]" use="tokenize(@target) ! f:local-target(.)"/>

  <!-- "#note5" → "note5"; an external or empty pointer → "". -->
  <xsl:function name="f:local-target" as="xs:string">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:sequence select="if (starts-with($pointer, '#')) then substring($pointer, 2) else ''"/>
  </xsl:function>

  <xsl:function name="f:target" as="element()?">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:variable name="id" select="f:local-target($pointer)"/>
    <xsl:sequence select="if ($id) then key('id', $id, root($context))[1] else ()"/>
  </xsl:function>

  <!-- The HTML id of a TEI element: its xml:id, or a stable id for a mention ("m-trotsky-3"). -->
  <xsl:function name="f:html-id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="$id-prefix || f:base-id($el)"/>
  </xsl:function>

  <xsl:function name="f:base-id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:choose>
      <xsl:when test="$el/@xml:id">
        <xsl:sequence select="string($el/@xml:id)"/>
      </xsl:when>
      <xsl:when test="$el/self::persName[@ref] | $el/self::title[@ref]">
        <xsl:variable name="kind" select="if ($el/self::persName) then 'm' else 't'"/>
        <xsl:variable name="key" select="f:local-target(tokenize($el/@ref)[1])"/>
        <!-- the mention's rank among its person's (work's) mentions in the text: the counter
             includes the mention itself when it is one of them (inside tei:text) -->
        <xsl:variable name="seen" select="($el ! accumulator-before('f:ranks')($kind || ' ' || $key), 0)[1]"/>
        <xsl:sequence select="$kind || '-' || $key || '-' || (if (f:in-text($el)) then $seen else $seen + 1)"/>
      </xsl:when>
      <xsl:when test="$el/self::head">
        <xsl:sequence select="f:base-id($el/..) || '-head'"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- its rank among the preceding elements of its name (ancestors do not precede) -->
        <xsl:variable name="started" select="$el ! accumulator-before('f:ranks')(f:name-key($el))"/>
        <xsl:sequence select="local-name($el) || '-' || $started - count($el/ancestor::*[node-name() = node-name($el)])"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!--
    The counters behind f:base-id, kept in one pass over the document (counting earlier
    elements for each id made every view quadratic): at each element, how many elements of
    each name have started so far ('e NS NAME'), and how many mentions of each person
    ('m ID') and work ('t ID') in the text so far, the element itself included.
    Every mode a view may start in must make the accumulator applicable (use-accumulators).
  -->
  <xsl:accumulator name="f:ranks" as="map(xs:string, xs:integer)" initial-value="map{}">
    <xsl:accumulator-rule match="*" select="fold-left(f:rank-keys(.), $value,
        function ($ranks, $key) { map:put($ranks, $key, ($ranks($key), 0)[1] + 1) })"/>
  </xsl:accumulator>
  <xsl:mode use-accumulators="#all"/>
  <xsl:mode name="persons" use-accumulators="#all"/>
  <xsl:mode name="works" use-accumulators="#all"/>
  <xsl:mode name="notes" use-accumulators="#all"/>
  <xsl:mode name="about" use-accumulators="#all"/>
  <xsl:mode name="corrections" use-accumulators="#all"/>

  <xsl:function name="f:name-key" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="'e ' || namespace-uri($el) || ' ' || local-name($el)"/>
  </xsl:function>

  <!-- The counters an element advances (the keys "mentions" and "title-mentions" index the same). -->
  <xsl:function name="f:rank-keys" as="xs:string*">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="f:name-key($el),
        $el/self::persName[@ref][f:in-text(.)] ! distinct-values(tokenize(@ref) ! ('m ' || f:local-target(.))),
        $el/self::title[@ref][f:in-text(.)] ! distinct-values(tokenize(@ref) ! ('t ' || f:local-target(.)))"/>
  </xsl:function>

  <!-- Whether an element is part of the text (front, body, back), not of the registers, which
       are editorial divisions of the back (div[@type = 'editorial']) with pages of their own. -->
  <xsl:function name="f:in-text" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/ancestor::text) and empty($el/ancestor::div[@type = 'editorial'])"/>
  </xsl:function>

  <!-- A link to a TEI element, on whichever page holds it. -->
  <xsl:function name="f:href" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="page" select="
        if ($el/ancestor-or-self::listBibl[@type = 'worksCited'] and $el/ancestor-or-self::bibl) then $works-page
        else if ($el/ancestor-or-self::person) then $persons-page
        else if ($el/ancestor-or-self::back) then $notes-page
        else $text-page"/>
    <xsl:sequence select="if ($page = '') then '#' || f:html-id($el) else $page || '#' || f:base-id($el)"/>
  </xsl:function>

  <!-- The number printed beside a paragraph of the body ("12" for p12), or "". -->
  <xsl:function name="f:paragraph-number" as="xs:string">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="if (matches($p/@xml:id, '^p[0-9]+$')) then substring($p/@xml:id, 2) else ''"/>
  </xsl:function>

  <!-- Where a node stands, in words for a link: "paragraph 12", "note 5", "the heading of section 2". -->
  <xsl:function name="f:where" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="note" select="$node/ancestor-or-self::note[@n][1]"/>
    <xsl:variable name="p" select="($node/ancestor-or-self::p[f:paragraph-number(.)][1],
                                    $node/descendant::p[f:paragraph-number(.)][1])[1]"/>
    <xsl:sequence select="
        if ($note) then 'note ' || $note/@n
        else if ($p) then 'paragraph ' || f:paragraph-number($p)
        else if ($node/ancestor::head) then 'the heading of section ' || (count($node/ancestor::div[1]/preceding-sibling::div) + 1)
        else if ($node/ancestor::front) then 'the title page'
        else 'the text'"/>
  </xsl:function>

  <!-- The editor's reading of a node as plain text, for labels and tooltips. -->
  <xsl:function name="f:reading" as="xs:string">
    <xsl:param name="node" as="node()*"/>
    <xsl:sequence select="normalize-space(string-join(
        $node/descendant-or-self::text()[not(ancestor::sic | ancestor::orig | ancestor::abbr)], ''))"/>
  </xsl:function>

  <!-- The first words of the reading of a node, for a link's label: "Let us hold out our hands …". -->
  <xsl:function name="f:excerpt" as="xs:string">
    <xsl:param name="node" as="node()*"/>
    <xsl:param name="words" as="xs:integer"/>
    <xsl:variable name="all" select="tokenize(string-join($node/descendant-or-self::text()
        [not(ancestor::sic | ancestor::orig | ancestor::abbr | ancestor::label)], ''))"/>
    <xsl:sequence select="string-join(subsequence($all, 1, $words), ' ') || (if (count($all) gt $words) then ' …' else '')"/>
  </xsl:function>

  <xsl:function name="f:pages" as="xs:string">
    <xsl:param name="scope" as="element()*"/>
    <xsl:sequence select="string-join($scope ! (
        if (@from and @to and @from != @to) then 'pp. ' || @from || '–' || @to
        else if (@from) then 'p. ' || @from
        else f:reading(.)), ', ')"/>
  </xsl:function>

  <!-- Every link the views make goes through here (print.xsl overrides it to print no links). -->
  <xsl:template name="link">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="class" as="xs:string?" select="()"/>
    <xsl:param name="id" as="xs:string?" select="()"/>
    <xsl:param name="label" as="xs:string?" select="()"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="tabindex" as="xs:string?" select="()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:choose>
      <xsl:when test="f:safe-href($href)">
        <a href="{$href}">
          <xsl:if test="$tabindex"><xsl:attribute name="tabindex" select="$tabindex"/></xsl:if>
          <xsl:if test="$class"><xsl:attribute name="class" select="$class"/></xsl:if>
          <xsl:if test="$id"><xsl:attribute name="id" select="$id"/></xsl:if>
          <xsl:if test="$label"><xsl:attribute name="aria-label" select="$label"/></xsl:if>
          <xsl:if test="$title"><xsl:attribute name="title" select="$title"/></xsl:if>
          <xsl:sequence select="$content"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <!-- a pointer we do not follow (javascript:, data:, file:, …): its text, no link -->
        <span class="unlinked">
          <xsl:if test="$class"><xsl:attribute name="class" select="'unlinked ' || $class"/></xsl:if>
          <xsl:if test="$id"><xsl:attribute name="id" select="$id"/></xsl:if>
          <xsl:sequence select="$content"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A link target a page may hold: "#fragment", a relative path of our own outputs, or http(s).
       Anything else with a scheme (javascript:, data:, file:, vbscript:), a protocol-relative
       "//host" or a backslash path is refused. Browsers ignore control characters and spaces
       inside a scheme ("java&#9;script:"), so they are removed before the test. -->
  <xsl:function name="f:safe-href" as="xs:boolean">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:variable name="h" select="replace(string($href), '[\p{Cc}\p{Z}]', '')"/>
    <xsl:sequence select="$h != '' and (starts-with($h, '#') or matches($h, '^https?://[^/\\]', 'i')
                          or not(matches($h, '^[a-zA-Z][a-zA-Z0-9+.\-]*:|^[/\\]{2}|\\')))"/>
  </xsl:function>

  <!-- The facts of a correction (a tei:choice), as plain strings for the apparatus: the printed
       and the corrected form, its kind, the reason (standOff annotation), who made it (the
       respStmt its @resp points to) and how certain it is. -->
  <xsl:function name="f:printed" as="xs:string">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($choice/(sic | orig | abbr) ! string(.), ' '))"/>
  </xsl:function>

  <xsl:function name="f:corrected" as="xs:string">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($choice/(corr | reg | expan) ! string(.), ' '))"/>
  </xsl:function>

  <xsl:function name="f:correction-reason" as="xs:string">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="string-join(($choice/@xml:id ! key('why', ., root($choice)))/note ! f:reading(.), ' ')"/>
  </xsl:function>

  <xsl:function name="f:correction-by" as="xs:string">
    <xsl:param name="choice" as="element()"/>
    <xsl:variable name="resp" select="($choice/(corr | reg | expan)/@resp)[1]"/>
    <xsl:variable name="who" select="tokenize($resp) ! f:target($choice, .)"/>
    <xsl:sequence select="string-join(($who ! f:reading((name, persName, orgName, .)[1]),
                                       tokenize($resp)[not(starts-with(., '#'))]), ', ')"/>
  </xsl:function>

  <xsl:function name="f:correction-cert" as="xs:string">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="string(($choice/(corr | reg | expan)/@cert)[1])"/>
  </xsl:function>

  <xsl:function name="f:correction-kind" as="xs:string">
    <xsl:param name="choice" as="element()"/>
    <xsl:variable name="el" select="($choice/(corr | reg | expan))[1]"/>
    <xsl:sequence select="string-join(($el/@type, if ($el/self::reg) then 'regularisation'
                                       else if ($el/self::expan) then 'expansion' else ())[1], '')"/>
  </xsl:function>

  <!-- Where a correction can be pointed at in every view: itself, or the note anchor that holds
       it (the reading view prints a note number there, not the choice), or its nearest element
       with an id. -->
  <xsl:function name="f:correction-place" as="element()">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="($choice/ancestor::ref[@type = 'noteAnchor'][@xml:id], $choice[@xml:id],
                           $choice/ancestor::*[@xml:id][1], $choice)[1]"/>
  </xsl:function>

  <!-- One reading of a choice shown; the other one, with the correction's reason, who made it
       and how certain it is, in data-* attributes for the pop-up (site.js) and the corrections
       page. The mark is focusable unless it sits inside a link (no nested interactive element:
       the link's focus shows the pop-up). -->
  <xsl:template name="choice-mark">
    <xsl:param name="shown" as="element()*"/>
    <xsl:param name="other" as="element()*"/>
    <xsl:param name="other-label" as="xs:string"/>
    <xsl:variable name="other-text" select="normalize-space(string-join($other ! string(.), ' '))"/>
    <span class="choice shows-{local-name($shown[1])}" title="{$other-label}: {$other-text}"
          data-other="{$other-label}: {$other-text}"
          data-printed="{f:printed(.)}" data-corrected="{f:corrected(.)}">
      <xsl:if test="not(ancestor::ref | ancestor::persName[@ref] | ancestor::title[@ref])">
        <xsl:attribute name="tabindex" select="0"/>
      </xsl:if>
      <xsl:if test="@xml:id">
        <xsl:attribute name="id" select="f:html-id(.)"/>
        <xsl:attribute name="data-entry" select="$corrections-page || '#' || f:base-id(.)"/>
      </xsl:if>
      <xsl:for-each select="f:correction-reason(.)[.]"><xsl:attribute name="data-reason" select="."/></xsl:for-each>
      <xsl:for-each select="f:correction-by(.)[.]"><xsl:attribute name="data-by" select="."/></xsl:for-each>
      <xsl:for-each select="f:correction-cert(.)[.]"><xsl:attribute name="data-cert" select="."/></xsl:for-each>
      <xsl:for-each select="f:correction-kind(.)[.]"><xsl:attribute name="data-kind" select="."/></xsl:for-each>
      <xsl:apply-templates select="$shown/node()"/>
    </span>
  </xsl:template>

  <!-- A note anchor as a link to its note; the entry stylesheet gives what it prints. -->
  <xsl:template name="note-link">
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="note" select="f:target(., @target)"/>
    <xsl:call-template name="link">
      <xsl:with-param name="href" select="if ($note) then f:href($note) else string(@target)"/>
      <xsl:with-param name="class" select="'note-ref'"/>
      <xsl:with-param name="id" select="if (@xml:id) then f:html-id(.) else ()"/>
      <xsl:with-param name="label" select="'note ' || (@n, $note/@n)[1]"/>
      <!-- a word joiner first: a note call never begins a line (UAX 14, rule LB11) -->
      <xsl:with-param name="content"><xsl:text>&#x2060;</xsl:text><xsl:sequence select="$content"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>

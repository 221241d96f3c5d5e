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
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- Where things are. '' means "on this page". -->
  <xsl:param name="id-prefix" as="xs:string" select="''"/>
  <xsl:param name="text-page" as="xs:string" select="''"/>
  <xsl:param name="notes-page" as="xs:string" select="''"/>
  <xsl:param name="persons-page" as="xs:string" select="'persons.html'"/>
  <xsl:param name="works-page" as="xs:string" select="'works.html'"/>

  <xsl:key name="id" match="*[@xml:id]" use="@xml:id"/>
  <xsl:key name="anchors" match="text//ref[@type = 'noteAnchor']" use="f:local-target(@target)"/>
  <xsl:key name="mentions" match="text//persName[@ref]" use="tokenize(@ref) ! f:local-target(.)"/>
  <xsl:key name="title-mentions" match="text//title[@ref]" use="tokenize(@ref) ! f:local-target(.)"/>
  <xsl:key name="work-citations" match="text//bibl" use="ref/@target ! f:local-target(.)"/>

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
        <xsl:variable name="key" select="f:local-target(tokenize($el/@ref)[1])"/>
        <!-- keys return nodes in document order: the mention's rank among its person's (work's) -->
        <xsl:variable name="all" select="key(if ($el/self::persName) then 'mentions' else 'title-mentions', $key, root($el))"/>
        <xsl:sequence select="(if ($el/self::persName) then 'm-' else 't-') || $key || '-' || count($all[. &lt;&lt; $el]) + 1"/>
      </xsl:when>
      <xsl:when test="$el/self::head">
        <xsl:sequence select="f:base-id($el/..) || '-head'"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="local-name($el) || '-' || count($el/preceding::*[node-name() = node-name($el)]) + 1"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A link to a TEI element, on whichever page holds it. -->
  <xsl:function name="f:href" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="page" select="
        if ($el/ancestor-or-self::standOff[.//listBibl[@type = 'worksCited']] and $el/ancestor-or-self::bibl) then $works-page
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
    <xsl:param name="content" as="item()*"/>
    <xsl:choose>
      <xsl:when test="f:safe-href($href)">
        <a href="{$href}">
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

  <!-- One reading of a choice shown, the other one hover away (title) and in data-other. -->
  <xsl:template name="choice-mark">
    <xsl:param name="shown" as="element()*"/>
    <xsl:param name="other" as="element()*"/>
    <xsl:param name="other-label" as="xs:string"/>
    <xsl:variable name="other-text" select="normalize-space(string-join($other ! string(.), ' '))"/>
    <!-- focusable, so keyboard users reach the other form too (CSS shows it on focus) -->
    <span class="choice shows-{local-name($shown[1])}" title="{$other-label}: {$other-text}"
          data-other="{$other-label}: {$other-text}" tabindex="0">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="f:html-id(.)"/></xsl:if>
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
      <xsl:with-param name="content" select="$content"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>

"""Named reader rules: each scores or proposes one kind of structure on the blocks of a text.

In: the source text and its block spans (``blocks.split_blocks``). Out: candidates (boilerplate
regions, note labels, anchors, quotations by layout) that ``read/decide.py`` weighs together.
A rule never decides alone what another rule's evidence is needed for (a note needs an anchor).
"""

"""Footnotes kept on their calls' pages within one WeasyPrint layout (``notes_kept_with_calls``).

In: nothing but WeasyPrint's layout, for the duration of a ``with`` block. Out: the same layout,
except that WeasyPrint no longer moves a page's earlier footnotes to the next page to fit the line
that completes a block's ``orphans`` (with ``orphans: 1``, a paragraph's first line at the foot of
a page). That move leaves the notes' calls behind, on the page before their notes, whatever
``footnote-policy`` says; the block goes to the next page instead, as it would on a page without
footnotes, and every note stays on its call's page.

Why here: WeasyPrint (``layout/block.py``, ``_linebox_layout``, since "Try to report footnotes when
text overflows because of orphans", Kozea/WeasyPrint#2437) reports footnotes in that case unless
the layout is in a column (``context.in_column``), and CSS has no way to say otherwise. Each such
note cost the print edition one more layout of the whole book (``pdf.break_before_carried_notes``),
three or four layouts for a book. The line's layout is given a view of WeasyPrint's context that
answers ``in_column`` with True and shares all the rest of its state; the footnote area's own
bookkeeping (which does read ``in_column``) runs on the real context. ``in_column`` changes
nothing else for our CSS: it also admits ``break-*: column`` values, which the print CSS never uses.

This is a guard on WeasyPrint's internals: when they are not as expected (another version), the
layout runs unchanged and ``pdf.break_before_carried_notes`` still brings every carried note back.
"""

from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def notes_kept_with_calls():
    """Within the block, WeasyPrint's layouts keep every footnote on its call's page."""
    patched = _patch()
    if patched is None:
        yield False
        return
    module, original, replacement = patched
    module._linebox_layout = replacement
    try:
        yield True
    finally:
        if module._linebox_layout is replacement:
            module._linebox_layout = original


def _patch():
    """(module, original function, replacement), or None when WeasyPrint is not as expected."""
    try:
        from weasyprint.layout import LayoutContext
        from weasyprint.layout import block
    except ImportError:
        return None
    original = getattr(block, "_linebox_layout", None)
    code = getattr(original, "__code__", None)
    if code is None or code.co_varnames[:1] != ("context",) or "in_column" not in code.co_names:
        return None
    if not all(callable(getattr(LayoutContext, name, None)) for name in _FOOTNOTE_AREA):
        return None
    view_class = _view_class(LayoutContext)

    def linebox_layout(context, *args, **kwargs):
        return original(view_class(context), *args, **kwargs)

    linebox_layout.__wrapped__ = original
    return block, original, linebox_layout


# The context's methods that read ``in_column`` for the footnote area: they run on the real context.
_FOOTNOTE_AREA = ("layout_footnote", "unlayout_footnote", "report_footnote", "_update_footnote_area")


def _view_class(base):
    """A subclass of WeasyPrint's LayoutContext whose instances share a real context's state (its
    ``__dict__``) and say they lay out a column."""

    class ContextView(base):
        __slots__ = ("_real",)

        def __init__(self, real):  # noqa: D107 - no base __init__: the state is the real context's
            object.__setattr__(self, "_real", real)
            self.__dict__ = real.__dict__

        @property
        def in_column(self):
            return True

        @in_column.setter
        def in_column(self, value):  # multi-column layout inside a line sets it on the real context
            self._real.in_column = value

    for name in _FOOTNOTE_AREA:
        setattr(ContextView, name, _on_real(name))
    return ContextView


def _on_real(name: str):
    def method(self, *args, **kwargs):
        return getattr(self._real, name)(*args, **kwargs)

    method.__name__ = name
    return method

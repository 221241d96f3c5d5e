"""Rendering: TEI → HTML fragments (``xslt.py``, saxonche) → the static web edition (``site.py``, jinja2).

In: validated TEI files. Out: HTML fragments per view, and a folder of static pages.
"""

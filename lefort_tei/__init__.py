"""lefort-tei: plain-text OCR'd essays → validated TEI P5 editions, web and print.

The data path (see README "Design"): read → annotate → encode → validate → publish.
"""

__version__ = "0.1.0"

"""Old name of :func:`lawnotebook.services.evidence.exif_summary`, kept until the GUI's image
viewer imports it from there (the parser itself now lives in ``vault/evidence/exif_summary.py``)."""

from lawnotebook.services.evidence import exif_summary

__all__ = ["exif_summary"]

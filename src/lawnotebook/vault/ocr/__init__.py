"""Offline OCR of scans and photos: Simplified and Traditional Chinese and English.

The engine is PaddleOCR's PP-OCR (v4 text detection, v5 mobile recognition, which reads
Simplified and Traditional Chinese, English and Japanese with one model) run by ONNX Runtime
through RapidOCR, from model files that ship inside PyPI packages and are checked against
SHA-256 values pinned here before loading. Nothing is downloaded, and images and text stay in
memory. Why this engine (measured against Tesseract): "Text from evidence" in
``docs/vault-format.md``.

    engine = PpOcr()                  # loads lazily; raises OcrUnavailable if models are wrong
    text, boxes = engine(pil_image)   # boxes: WordBox with page-relative coordinates

Heavy imports (numpy, onnxruntime, OpenCV) happen on first use, in the worker processes of
``services/extraction.py`` only: the GUI process never loads them.
"""

from lawnotebook.vault.ocr.words import Recognize, WordBox

__all__ = ["Recognize", "WordBox"]

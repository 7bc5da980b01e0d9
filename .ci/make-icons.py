#!/usr/bin/env python3
"""Draws the app icons in src/web/icons/ (committed; rerun after a change):

    python3 .ci/make-icons.py

Standard library only (zlib + struct), so the PNGs are the same bytes on any
machine. The picture is a bust seen from the front, its right half a lighter
tint: a half face, which is what "nimrokh" (نیم‌رخ, profile) says.

- icon-192.png, icon-512.png: purpose "any", a rounded square with
  transparent corners (the sizes Chrome wants to call the app installable);
- icon-maskable-512.png: purpose "maskable", full-bleed background with the
  bust inside the central safe circle (radius 40% of the side), so launchers
  may crop it to any shape.
"""

import os
import struct
import zlib

ACCENT = (0x0D, 0x6E, 0x6E, 255)  # --accent in style/main.css
WHITE = (255, 255, 255, 255)
TINT = (0xA7, 0xD8, 0xD8, 255)  # the lit half: accent mixed with white
CLEAR = (0, 0, 0, 0)
SUPERSAMPLE = 4  # 4 × 4 samples per pixel: smooth edges without a library

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "web", "icons")


def in_rounded_square(x, y, radius):
    """Inside the unit square with corners rounded by `radius`."""
    cx = min(max(x, radius), 1 - radius)
    cy = min(max(y, radius), 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def in_bust(x, y):
    """The head (a disc) and the shoulders (the top of an ellipse, cut flat),
    in unit coordinates centred on (0.5, 0.5)."""
    head = (x - 0.5) ** 2 + (y - 0.39) ** 2 <= 0.165**2
    shoulders = y <= 0.79 and ((x - 0.5) / 0.29) ** 2 + ((y - 0.87) / 0.27) ** 2 <= 1
    return head or shoulders


def colour_at(x, y, maskable):
    if maskable:
        # Shrink the bust about the centre so it stays in the safe circle.
        scale = 0.8
        bx, by = 0.5 + (x - 0.5) / scale, 0.5 + (y - 0.5) / scale
    else:
        if not in_rounded_square(x, y, 0.18):
            return CLEAR
        bx, by = x, y
    if in_bust(bx, by):
        return WHITE if bx < 0.5 else TINT
    return ACCENT


def pixels(size, maskable):
    n = SUPERSAMPLE
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            total = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    x = (px + (sx + 0.5) / n) / size
                    y = (py + (sy + 0.5) / n) / size
                    r, g, b, a = colour_at(x, y, maskable)
                    # Premultiplied sums, so clear samples do not darken edges.
                    total[0] += r * a
                    total[1] += g * a
                    total[2] += b * a
                    total[3] += a
            alpha = total[3]
            if alpha == 0:
                row += bytes(4)
            else:
                row += bytes(round(c / alpha) for c in total[:3])
                row.append(round(alpha / (n * n)))
        rows.append(bytes(row))
    return rows


def png(size, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    raw = b"".join(b"\x00" + row for row in rows)  # filter 0 on every row
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, size, maskable in [
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("icon-maskable-512.png", 512, True),
    ]:
        path = os.path.join(OUT, name)
        with open(path, "wb") as f:
            f.write(png(size, pixels(size, maskable)))
        print(f"wrote {os.path.normpath(path)}")


if __name__ == "__main__":
    main()

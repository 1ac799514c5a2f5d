"""PDF from the rendered Word document, through LibreOffice (headless).

One template gives both files: the PDF is the .docx the office would print,
with its A4 page, margins, footer page numbers and fonts. The Chinese fonts
are embedded (LibreOffice embeds the subsets it uses); the templates name
仿宋 and 黑体, which fonts.conf beside this file maps to Noto Serif CJK SC and
Noto Sans CJK SC (Debian's fonts-noto-cjk) where the Windows fonts are not
installed. docs/dependencies.md says why this path was chosen.

Each conversion runs in its own LibreOffice user profile (a temporary
folder), so concurrent requests do not share a lock.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

FONTS_CONF = Path(__file__).with_name("fonts.conf")
#: seconds a conversion may take (a unit's hundred forms take a few)
TIMEOUT = 240

INSTALL_HINT = (
    "生成 PDF 需要服务器安装 LibreOffice 和中文字体:"
    "apt-get install libreoffice-writer-nogui fonts-noto-cjk"
)


class PdfUnavailable(Exception):
    """LibreOffice is missing or failed: ``message`` says what to do."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def soffice():
    """The LibreOffice program, or None."""
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    return None


def available() -> bool:
    return soffice() is not None


def docx_to_pdf(docx: bytes) -> bytes:
    """The PDF of a .docx (bytes in, bytes out)."""
    program = soffice()
    if program is None:
        raise PdfUnavailable(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="changde-pdf-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(docx)
        env = dict(os.environ)
        env["FONTCONFIG_FILE"] = str(FONTS_CONF)
        env["HOME"] = str(work)
        command = [
            program,
            f"-env:UserInstallation=file://{work / 'profile'}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            subprocess.run(
                command,
                env=env,
                cwd=work,
                capture_output=True,
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise PdfUnavailable(f"生成 PDF 超时({TIMEOUT} 秒)。") from exc
        result = work / "document.pdf"
        if not result.exists():
            raise PdfUnavailable("LibreOffice 未能生成 PDF。" + INSTALL_HINT)
        return result.read_bytes()

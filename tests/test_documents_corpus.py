"""Every form the corpus makes (ita_data.bench.corpus: twelve producers, the seeds and texts of our own)
gives the facts of its text: for a seed, what its plain text gives (computed here, never copied); for our
own texts, what a person reads in them; for pages that are not ITA results, no result at all.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from ita_data.bench import corpus as maker
from ita_data.bench.corpus_texts import ITA_TEXTS, OTHER_TEXTS
from ita_data.reports import parse_bytes
from tests.conftest import SEEDS_DIR

SEEDS = tuple(f"seed-{p.name[:3]}" for p in sorted(SEEDS_DIR.glob("*.txt")))
OWN = tuple(name for name, _, _ in ITA_TEXTS)
OTHERS = tuple(name for name, _ in OTHER_TEXTS)
PRODUCERS = tuple(p for p in maker.PRODUCERS if p != "txt")


@pytest.fixture(scope="module")
def texts(seeds_dir):
    return {t.name: t for t in maker.texts(seeds_dir)}


@pytest.fixture(scope="module")
def golden(corpus, texts):
    """The facts of each text: a seed's from its plain text, our own texts' as a person reads them."""
    out = {}
    for name, text in texts.items():
        if text.expected is None:
            path = corpus["txt"][name]
            out[name] = maker.facts_of(parse_bytes(path.read_bytes(), path.name))
        else:
            out[name] = text.expected
    return out


def read(corpus, producer, name):
    path = corpus[producer][name]
    return parse_bytes(path.read_bytes(), path.name)


def test_the_corpus_has_six_producers_or_more_and_every_text_in_each(corpus, texts):
    assert len(PRODUCERS) >= 6 and set(corpus) == set(maker.PRODUCERS)
    assert all(set(files) == set(texts) for files in corpus.values())
    assert len(SEEDS) == 5 and len(OTHERS) >= 10


def test_the_plain_texts_of_our_own_give_what_a_person_reads(corpus, golden):
    for name in OWN:
        assert maker.facts_of(read(corpus, "txt", name)) == golden[name], name


FORMS = [pytest.param(name, producer, id=f"{name}-{producer}") for name in SEEDS + OWN for producer in PRODUCERS]


@pytest.mark.parametrize("name, producer", FORMS)
def test_every_form_gives_the_facts_of_its_text(corpus, golden, producer, name):
    assert maker.facts_of(read(corpus, producer, name)) == golden[name]


@pytest.mark.parametrize("producer", maker.PRODUCERS)
@pytest.mark.parametrize("name", OTHERS)
def test_no_form_of_a_page_that_is_not_an_ita_result_gives_a_result(corpus, producer, name):
    report = read(corpus, producer, name)
    assert not report.is_ita and not report.has_scores and not report.measures


def test_the_producers_really_differ(corpus):
    """The PDFs come from the tools they are said to (pdfinfo, poppler's, not our reader), and the
    LibreOffice fonts are the ones the set-up installs."""
    producers = {}
    for producer in ("lo_pdf", "lo_pdf_fonts", "lo_tabs_pdf", "chromium_pdf", "chromium_header"):
        info = subprocess.run(["pdfinfo", str(corpus[producer]["seed-001"])], capture_output=True, text=True).stdout
        producers[producer] = re.search(r"Producer:\s*(.*)", info).group(1)
    assert all("LibreOffice" in producers[p] for p in ("lo_pdf", "lo_pdf_fonts", "lo_tabs_pdf"))
    assert all("Skia" in producers[p] for p in ("chromium_pdf", "chromium_header"))
    fonts = set()
    for path in corpus["lo_pdf_fonts"].values():
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
        fonts |= {f for f in ("Laksaman", "Loma", "Garuda", "Norasi", "Kinnari") if f in listing}
    assert len(fonts) == 5


def test_a_flipbook_text_has_the_faults_it_stands_for(corpus, texts):
    flip = corpus["flipbook"]["seed-004"].read_text(encoding="utf-8")
    assert "\u0e33" not in flip.replace("\u0e4d\u0e32", "") and "เเ" in flip and "\ufffd" in flip


def test_a_pdf_line_knows_its_box_and_the_crop_shows_the_number_poppler_finds_there(corpus, golden):
    """The line a total was read from, as our reader boxes it, holds the words poppler's ``pdftotext
    -bbox`` places the total at; the crop is a small image of that part of the page."""
    from io import BytesIO

    import numpy as np
    from PIL import Image

    from ita_data.thai import to_thai_digits

    path = corpus["lo_pdf"]["seed-001"]
    report = read(corpus, "lo_pdf", "seed-001")
    line = report.locations["total_score"]
    document = report.document
    page, box = document.page_of_line(line), document.box_of_line(line)
    xhtml = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True, text=True
    ).stdout
    width, height = (float(v) for v in re.search(r'<page width="([\d.]+)" height="([\d.]+)"', xhtml).groups())
    total = to_thai_digits(f"{report.total_score:.2f}")
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xhtml)
    (where,) = [tuple(map(float, w[:4])) for w in words if total in w[4]]
    left, top, right, bottom = box
    middle = ((where[0] + where[2]) / 2 / width, (where[1] + where[3]) / 2 / height)
    assert left <= middle[0] <= right and top <= middle[1] <= bottom
    crop = document.line_image(line)
    with Image.open(BytesIO(crop)) as image, Image.open(BytesIO(document.page_image(page))) as whole:
        assert image.height < whole.height / 8 and image.width <= whole.width
        assert np.asarray(image.convert("L")).min() < 100  # the line's ink is in it

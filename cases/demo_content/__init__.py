"""The demo library's content as data: case studies (`case_studies.py`) and tools (`tools.py`).

`cases.demo` reads these lists and creates the pages; nothing here touches the database. Facts
about real parties come only from the Coalition's public facts (the date and long-term goal of
each strategy submitted to the UNFCCC); each real party's page carries one notice saying which
parts are illustrative. Everything else (places, organisations, people, figures) is fictional and
its page says so once, at the top.
"""

REAL_NOTE = (
    "Demo content. The submission date and the long-term goal come from the UNFCCC's list of "
    "long-term strategies; the emissions figures, the tracker's verdict and the section texts are "
    "illustrative, written for this demo, and are not official data."
)
FICTIONAL_NOTE = (
    "Fictional demo case study: the places, organisations, people and figures are invented to show "
    "how Lodestar works. Country names are real; nothing here describes their actual policies."
)
FICTIONAL_TOOL_NOTE = (
    "Fictional demo tool: its name, maintainer and document are invented to show how Lodestar works."
)
REAL_TOOL_NOTE = (
    "A real, public resource, described here only by widely documented facts (name, type, "
    "maintainer, licence); how the demo case studies use it is illustrative."
)

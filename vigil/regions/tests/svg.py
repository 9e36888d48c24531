"""Reading the maps back in tests."""

import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    """The SVG as XML: it must be well-formed to parse at all."""
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted data


def paths_by_code(root: ET.Element) -> dict[str, ET.Element]:
    return {path.get("data-code"): path for path in root.iter(f"{SVG}path")}

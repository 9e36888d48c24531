"""Small-cell suppression for what partners pull: no cell under 11 people leaves.

Primary: a count under THRESHOLD is withheld (None). Complementary: the partner can ask
for a coarser grouping and subtract, so along every dimension a line of cells (the cells
that agree on all other dimensions) never has exactly one withheld cell: the next
smallest cell of that line is withheld with it, until no line has a lone withheld cell.
A line whose only cell is withheld stays as it is: its total is withheld too, one level up.
"""

THRESHOLD = 11


def suppress(rows: list[dict], dimensions: list[str], threshold: int = THRESHOLD) -> list[dict]:
    """Rows with "count" None where withheld, and "suppressed" True/False."""
    out = [{**row, "suppressed": row["count"] < threshold} for row in rows]
    changed = True
    while changed:
        changed = False
        for dimension in dimensions:
            others = [d for d in dimensions if d != dimension]
            lines: dict[tuple, list[dict]] = {}
            for row in out:
                lines.setdefault(tuple(row[d] for d in others), []).append(row)
            for line in lines.values():
                hidden = [row for row in line if row["suppressed"]]
                shown = [row for row in line if not row["suppressed"]]
                if len(hidden) == 1 and shown:
                    min(shown, key=lambda row: row["count"])["suppressed"] = True
                    changed = True
    for row in out:
        if row["suppressed"]:
            row["count"] = None
    return out

"""The shipped knowledge base: counts, calendars, and the facts the example page needs.

The example page (../shared/seed/000_4df31b511e0c3315.txt) is what the product grew from;
for each of its factual claims the knowledge base holds the assertions that decide it. The
mapping lives here, in a test, never in the checker: it fails when one of those assertions
disappears or is renamed.
"""

from __future__ import annotations

import pytest

from kremlinology.kb import KB

# What the example page claims (in our words) -> the assertions that decide it.
SEED_CLAIMS: dict[str, tuple[str, ...]] = {
    "Stalin General Secretary from 1922 until his death in 1953": (
        "stalin-held-general-secretary",
        "stalin-secretary-until-death",
        "stalin-died",
    ),
    "Stalin visited Lenin at Gorki in 1922": ("stalin-visited-lenin-gorki-1922",),
    "Lenin's second and third strokes": ("lenin-second-stroke", "lenin-third-stroke"),
    "Lenin died on 21 January 1924": ("lenin-died",),
    "Lenin proposed Stalin's removal as General Secretary": (
        "lenin-testament-addendum-remove-stalin",
    ),
    "Stalin organised the funeral (disputed)": (
        "lenin-funeral-commission-chair",
        "lenin-funeral-organiser",
    ),
    "Stalin officially hailed as successor (false)": ("no-official-successor",),
    "Lenin's body embalmed against his wishes": (
        "lenin-body-embalmed-temporarily",
        "krupskaya-opposed-embalming",
    ),
    "the Central Committee kept the Testament unpublished": (
        "cc-decided-not-to-publish-testament",
    ),
    "the Testament read at the 13th Congress in May 1924": ("testament-read-to-delegations",),
    "Trotsky silent on the Testament": ("trotsky-silent-on-testament",),
    "the triumvirate intact through 1924 into early 1925": ("triumvirate-against-trotsky",),
    "Zinoviev demanded Trotsky's expulsion in January 1925": (
        "zinoviev-demanded-trotsky-expulsion",
        "stalin-opposed-trotsky-expulsion",
    ),
    "Socialism in One Country first stated (disputed)": ("stalin-proposed-socialism-one-country",),
    "the Fourteenth Party Conference of April 1925": ("conference-14-held",),
    "Trotsky ill during 1925": ("trotsky-illness-1925",),
    "Stalin's revelation at the Fourteenth Congress": ("stalin-revealed-expulsion-demand",),
    "the United Opposition formed in 1926": ("united-opposition-formed",),
    "Trotsky voted out of the Politburo in October 1926": ("trotsky-removed-politburo-1926",),
    "China policy divided Stalin and the opposition in 1926-1927": ("opposition-china-charge",),
    "the Kuomintang opened relations with Soviet Russia in 1923": (
        "kuomintang-relations-soviet-russia",
    ),
    "who founded the Kuomintang": ("kuomintang-founded",),
    "the Northern Expedition": ("northern-expedition-fought",),
    "the raid on Pravda of 5 [18] July 1917": ("raid-on-pravda-1917-occurred",),
    "Stalin and the Peter and Paul Fortress surrender": ("stalin-advocated-fortress-surrender",),
    "who took Lenin to Finland in August 1917": (
        "jalava-helped-lenin-august-1917",
        "rahja-helped-lenin-august-1917",
    ),
    "the Sixth Congress: Stalin's report and election": (
        "stalin-reported-congress-6",
        "stalin-elected-cc-congress-6",
    ),
    "the Kornilov affair": ("kornilov-affair-occurred", "red-guards-armed-kornilov"),
    "Kamenev and Zinoviev for a coalition": ("kamenev-advocated-coalition",),
    "Lenin returned to Petrograd in October 1917": ("lenin-returned-petrograd-october-1917",),
    "the CC vote of 10 [23] October 1917": ("central-committee-voted-insurrection",),
    "Stalin restoring the presses on 24 October": ("stalin-restored-presses-24-october",),
    "Kerensky left the capital": ("kerensky-left-petrograd",),
}


@pytest.mark.parametrize("claim", sorted(SEED_CLAIMS))
def test_shipped_data_decides_each_seed_claim(claim: str, kb_full: KB) -> None:
    ids = SEED_CLAIMS[claim]
    found = {
        r[0]
        for r in kb_full.db.execute(
            f"SELECT id FROM assertions WHERE id IN ({','.join('?' * len(ids))})", ids
        )
    }
    assert found == set(ids), f"missing for '{claim}': {set(ids) - found}"


def test_shipped_data_renders_old_style_days_in_both_calendars(kb_full: KB) -> None:
    rows = kb_full.db.execute(
        "SELECT id, rendered FROM assertions WHERE calendar = 'julian' AND precision = 3"
        " AND start < '1918-02-14' AND iso NOT LIKE '%/%'"
    ).fetchall()
    assert len(rows) > 50
    single = [r for r in rows if "[" not in r[1]]
    assert single == []


def test_shipped_data_meets_the_issue_counts(kb_full: KB) -> None:
    stats = kb_full.stats()
    assert stats.entities["person"] >= 70
    groups = sum(stats.entities.get(k, 0) for k in ("body", "office", "faction", "congress"))
    assert groups >= 40
    assert stats.assertions >= 600 and stats.sources >= 30


def test_shipped_data_lenin_stalin_interactions(kb_full: KB) -> None:
    n = kb_full.db.execute(
        "SELECT count(*) FROM assertions WHERE polarity IS NOT NULL AND "
        "((subject = 'lenin' AND object = 'stalin') OR (subject = 'stalin' AND object = 'lenin'))"
    ).fetchone()[0]
    assert n >= 35

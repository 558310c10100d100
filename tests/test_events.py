"""Candidate events of short articles of our own: which sentences give one, with which type,
date and actors (the dev set, tests/test_devset.py, measures the same on real articles)."""

from __future__ import annotations

import pytest

from extract.article import article_from_text
from extract.events import extract_events
from extract.timeline import Event

TITLE = "Arms news of the week\n\n"


def assert_typed(sentence: str, date: str, kind: str) -> None:
    """The sentence gives a candidate of this date and type."""
    got = events_of(sentence)
    assert (date, kind) in [(d, k) for d, k, _w in got], got


def events_of(body: str, published: str = "2023-06-10") -> list[tuple[str, str, str]]:
    """(date, type, date words) of each candidate of an article with this body."""
    art = article_from_text(TITLE + body, file="a.txt",
                            manifest={"a.txt": {"published": published}})
    return [(str(e.date), e.type, e.evidence[0].date_text) for e in extract_events(art, "a")]


def one_event(body: str, published: str) -> Event:
    """The one candidate of an article with this body (the test fails if there are more)."""
    art = article_from_text(TITLE + body, file="a.txt",
                            manifest={"a.txt": {"published": published}})
    (event,) = extract_events(art, "a")
    return event


@pytest.mark.parametrize("sentence, date, kind", [
    # what happened decides, in the words of defence news
    ("The Pakistan air force inducted the first six Chinese J-10C jets on Friday.",
     "2023-06-09", "delivery"),
    ("The last such event was in 1982 when F-16 aircraft joined the Pakistani fleet.",
     "1982", "delivery"),
    ("The deal follows Armenia's defeat last year by Azerbaijan in Nagorno-Karabakh.",
     "2022", "conflict"),
    # a verb that did not happen does not type the date; a peace deal is no arms deal
    ("Armenia and Azerbaijan have never signed a peace deal despite a ceasefire in 1994.",
     "1994", "conflict"),
    ("Israel's Foreign Minister on Wednesday hosted his Azerbaijani counterpart ahead of the "
     "opening of the embassy.", "2023-06-07", "visit"),
    ("Serbia had already acquired the Russian Pantsir air defence system in 2020.", "2020",
     "deal"),
    # a ceremony is what happened at it: an induction, a handover
    ("The Prime Minister was the chief guest at the induction ceremony of the J-10C jets on "
     "11th of March.", "2023-03-11", "delivery"),
    ("A handover ceremony was held at Poland's 12th UAV base on 16 May for the TB2 drones.",
     "2023-05-16", "delivery"),
    ("The vehicles will be delivered to the British Army between 2017 and 2024.", "2017",
     "delivery"),  # "Army" before a year is no trade show's name ("Army-2022" is)
    # US foreign military sales: a notification to Congress, a request to buy
    ("The State Department formally notified Congress of the F-16 sale to Turkey on Friday.",
     "2023-06-09", "deal"),
    ("Turkey submitted the request for the F-16 jets in October 2021.", "2021-10", "deal"),
    ("On Tuesday evening, the Turkish parliament ratified Sweden's accession to NATO.",
     "2023-06-06", "agreement"),
    # a cue nearer another date of the sentence is that date's
    ("The induction of two S-400 regiments on the border of India starting 2022 will balance "
     "what it faced following China's transgression in May 2020.", "2022", "delivery"),
    ("The Indian Army has integrated several BrahMos regiments into its arsenal since 2007.",
     "2007", "delivery"),
    # whom it was told, then the date: the saying's ("told Israeli media on July 19")
    ("The protocol between Azerbaijan and Aeronautics is a successful deal, an Israeli adviser "
     "told Israeli media on July 19.", "2022-07-19", "statement"),
    ("Elbit Systems has been operating a local subsidiary in Azerbaijan since 2009.", "2009",
     "production"),
    # a donation is a transfer; an army makes a sentence relevant
    ("Since 1998 the Turkish side has donated USD 37.4 million to the Georgian armed forces.",
     "1998", "delivery"),
    ("Turkey on Friday made a donation of vehicles to the army of its neighbour Georgia.",
     "2023-06-09", "delivery"),
    ("The Kazakh media reported that last week a SkyLark UAV factory was inaugurated in "
     "Kazakhstan.", "2023-05-29", "production"),
    ("The SkyLark UAV of Israel's Elbit has been in service with the Kazakh Army since 2014.",
     "2014", "delivery"),
    # receiving a delegation is a visit, not a delivery
    ("Armenia's defence minister on Thursday received a delegation of military specialists "
     "from Russia.", "2023-06-08", "visit"),
    ("The S-400 will balance what India faced following China's transgression in May 2020 "
     "along the Line of Actual Control.", "2020-05", "conflict"),
    ("Egypt may receive 3 Rafale fighter jets from France by this summer.", "2023-06", "delivery"),
    # where it was said: the date is the saying's
    ("The order of 30 Rafale jets from France will be financed by a loan, the Egyptian army "
     "said in a statement Monday evening.", "2023-06-05", "statement"),
    ("The U.S. announced plans on Tuesday to provide an additional $625 million in military "
     "aid to Ukraine, which is at war with Russia.", "2023-06-06", "deal"),
    ("The Azerbaijani drone went down on September 12 near the line of contact in Armenia.",
     "2022-09-12", "combat_use"),
    ("The UN arms embargo on Iran expired in October 2020, despite the United States.",
     "2020-10", "diplomatic"),
    # a manufacturer named is no production
    ("Turkish drone manufacturer Baykar delivered the last TB2 drones to Poland in May 2023.",
     "2023-05", "delivery"),
    ("Poland and South Korea agreed that Hanwha would manufacture K9 howitzers in 2026.",
     "2026", "production"),
    # a noun and the verb that makes it a happening: the deliveries began, not the deal
    ("Egypt's Rafale deal was signed in March 2021 and deliveries began in January 2023.",
     "2023-01", "delivery"),
    ("Egypt's Rafale deal was signed in March 2021 and deliveries began in January 2023.",
     "2021-03", "deal"),
    ("Shipments of the Harop to Azerbaijan resumed in March 2023.", "2023-03", "delivery"),
    # a contract signed is a deal, with the comma of its clause; so is signing for a number
    ("The contract with Poland, signed on 5 May 2023, covers 48 K9 howitzers.", "2023-05-05",
     "deal"),
    ("After Egypt signed for 24 Rafales in February 2015, the first three were delivered in "
     "July 2015.", "2015-02", "deal"),
    # the verb of the date's own clause, not one beyond its comma
    ("Turkey, which bought the S-400 in 2017, received the first parts in July 2019.", "2017",
     "deal"),
    ("Turkey, which bought the S-400 in 2017, received the first parts in July 2019.",
     "2019-07", "delivery"),
    ("Greece took delivery of its first six Rafale jets in January 2022, a year after signing "
     "the contract.", "2022-01", "delivery"),
    ("Ukraine received its first Patriot battery in April 2023, four months after Washington "
     "pledged it in December 2022.", "2022-12", "deal"),
    # the saying's date, however it is attached
    ("Erdogan said in March that Saudi Arabia was interested in purchasing Turkish drones.",
     "2023-03", "statement"),
    ("The delivery of ballistic missiles from Iran to Russia, officially confirmed by the US on "
     "10 September, signifies a shift.", "2022-09-10", "statement"),
    # the date words as a noun's modifier date that noun
    ("But the Sept. 10 announcement was the first time that the United States confirmed that "
     "Iran shipped missiles to Russia.", "2022-09-10", "statement"),
    ("Iran agreed to the 2015 nuclear deal with the United States and Russia.", "2015",
     "agreement"),
    ("Pyongyang has sent millions of artillery shells to Russia since last September.",
     "2022-09", "delivery"),
    ("Last month, Israel received permission from the United States to sell the Arrow 3 "
     "system to Germany.", "2023-05", "deal"),
    ("Russian troops used them during an air attack on Ukraine on December 30.", "2022-12-30",
     "combat_use"),
    ("Ukraine started ordering Bayraktars from Turkey in 2019.", "2019", "deal"),
    ("The Emirates was the fifth biggest customer of French arms with 4.7 billion euros from "
     "2011-2020.", "2011", "statistic"),
    # weapons deployed are used; a deployment planned is no combat
    ("Baku has also deployed Israeli combat drones in the conflict in 2020.", "2020",
     "combat_use"),
    ("Japan plans to complete the deployment of the Tomahawk missiles by fiscal 2027.", "2027",
     "other"),
    # a press conference or a briefing is where something was said
    ("Blinken said in a Sept. 10 press conference in London that Iran had shipped missiles to "
     "Russia.", "2022-09-10", "statement"),
    ("Speaking at a media briefing Monday, the South Korean defense minister said the K9 deal "
     "with Poland was done.", "2023-06-05", "statement"),
])
def test_the_type_follows_what_happened(sentence, date, kind):
    assert_typed(sentence, date, kind)


def test_a_dated_session_with_countries_is_a_candidate_though_no_cue_names_it():
    # "October 20" is a day named in the calendar (it needs the publication year, but it is no
    # "today"): with countries and an arms word, the sentence is a candidate
    got = events_of("At a Security Council session on October 20, Britain, France and Germany "
                    "discussed the arms embargo on Iran.")
    assert [(d, w) for d, _k, w in got] == [("2022-10-20", "October 20")], got


def test_a_state_of_things_dated_today_is_no_candidate():
    assert events_of("Its arms buyers, which today include Iran, Russia and China, grew.") == []
    assert events_of("This year, Israel is Azerbaijan's top arms supplier.") == []


def test_actors_carry_over_from_the_sentence_before():
    body = ("Azerbaijan signed a contract with Israel for Barak-8 air defence in 2017. "
            "The first battery arrived on 12 July 2018 and was delivered to the air force.")
    art = article_from_text(TITLE + body, file="a.txt",
                            manifest={"a.txt": {"published": "2019-01-10"}})
    events = extract_events(art, "a")
    got = {str(e.date): e for e in events}
    assert set(got) == {"2017", "2018-07-12"}
    carried = got["2018-07-12"]
    assert carried.type == "delivery"
    assert set(carried.actors) == {"Azerbaijan", "Israel"}
    assert "from the sentence before" in (carried.notes or "")
    assert carried.confidence < got["2017"].confidence
    assert got["2017"].notes is None


def test_actors_do_not_carry_over_far_or_to_a_sentence_without_a_cue():
    far = ("Azerbaijan signed a contract with Israel in 2017.\n\nIt rained.\n\n"
           "Nothing else was said.\n\nThe first battery arrived on 12 July 2018.")
    assert [d for d, _k, _w in events_of(far, "2019-01-10")] == ["2017"]
    no_cue = ("Azerbaijan signed a contract with Israel in 2017. "
              "The weather was fine on 12 July 2018.")
    assert [d for d, _k, _w in events_of(no_cue, "2019-01-10")] == ["2017"]


@pytest.mark.parametrize("sentence, date, kind", [
    # the verb tells what happened, a noun nearer the date does not
    ("Baykar first delivered six TB2 drones to Poland in October 2022 at a ceremony.",
     "2022-10", "delivery"),
    ("In a ceremony in late April 2018, Georgia showed off Javelin launchers received from "
     "the United States.", "2018-04", "delivery"),
    # signing: a contract is a deal, anything else an agreement
    ("Russia and India signed a $5.43 bln contract for five S-400 regiments in October 2018.",
     "2018-10", "deal"),
    ("Israel signed an exemption permitting cargo flights to Azerbaijan in October 2013.",
     "2013-10", "agreement"),
])
def test_the_verb_decides_over_a_nearer_noun(sentence, date, kind):
    assert_typed(sentence, date, kind)


def test_a_decade_is_background():
    assert events_of("Armenia won a war against Azerbaijan in the early 1990s.") == []
    assert events_of("Russia and China, Iran's two biggest arms suppliers in the 1990s, "
                     "welcomed the deal.") == []


def test_arms_flights_are_deliveries():
    got = events_of("Silk Way flew at least 92 cargo flights to Baku from Israel in late 2020.")
    assert [(d, k) for d, k, _w in got] == [("2020", "delivery")], got


def test_mid_year_is_not_joined_to_the_year():
    # the same type, year and countries: one happening when the dates are the same words'
    # precision, two when one of them is approximate ("mid-2016")
    one = events_of("Israel began cargo flights to Azerbaijan in 2016. The Israeli cargo flights "
                    "to Azerbaijan in 2016 carried explosives.")
    assert [(d, k) for d, k, _w in one] == [("2016", "delivery")], one
    two = events_of("Israel began cargo flights to Azerbaijan in 2016. Israeli cargo flights to "
                    "Azerbaijan rose sharply in mid-2016.")
    assert [(d, k, w) for d, k, w in two] == [("2016", "delivery", "2016"),
                                             ("2016", "delivery", "mid-2016")], two


@pytest.mark.parametrize("sentence, date, kind", [
    # the date of a saying is the saying's: a statement, whatever it is about
    ("Iran's foreign minister on Saturday acknowledged that Iran had supplied drones to Russia.",
     "2023-06-10", "statement"),
    ("Armenian officials said on June 5 that their forces downed an Azerbaijani drone.",
     "2023-06-05", "statement"),
    ("Der Spiegel reported the decision on Saturday: Germany will sell tanks to Saudi Arabia.",
     "2023-06-10", "statement"),
    # a date opening its sentence takes the main clause's verb
    ("Last month, Pakistan's interior minister had disclosed the purchase of Chinese jets.",
     "2023-05", "statement"),
    # a saying further off does not take the date of what it reports
    ("Russia delivered the S-300s to Iran on June 5, the ministry said.", "2023-06-05",
     "delivery"),
    ("In 2014-2018, according to SIPRI data, Israel was Azerbaijan's largest arms supplier.",
     "2014", "statistic"),
])
def test_a_saying_beside_its_date_is_a_statement(sentence, date, kind):
    assert_typed(sentence, date, kind)


def test_systems_are_found_in_the_plural():
    # "S-300s" names the S-300: the sentence is about arms, its actors from the one before
    got = events_of("Russia and Iran signed the S-300 contract in 2016. Officials said on Thursday "
                    "that the deliveries of the S-300s have started.", "2023-06-10")
    assert ("2023-06-08", "statement") in [(d, k) for d, k, _w in got], got


@pytest.mark.parametrize("sentence, date, kind", [
    ("The Saudi army launched an all-out offensive against the Houthis in Yemen in 2010.",
     "2010", "conflict"),
    ("Israel launched Harop drones at Syrian air defences in May 2023.", "2023-05", "combat_use"),
    ("In March 2011, Saudi Arabia deployed troops to Bahrain.", "2011-03", "conflict"),
    ("Russia in 2010 froze a deal to supply S-300 missile systems to Iran.", "2010",
     "diplomatic"),
    ("Azerbaijan's defence spending will reach $3.7 billion this year.", "2023", "statistic"),
    ("Poland's arms imports rose sharply between 2018 and 2022, SIPRI said.", "2018",
     "statistic"),
    ("India's security cabinet cleared the purchase of Israeli Barak-8 missiles on Wednesday.",
     "2023-06-07", "deal"),
    ("The Pentagon announced a $600 million security assistance package for Ukraine in May 2023.",
     "2023-05", "deal"),
    ("The first batch of S-400 systems reached Turkey in July 2019.", "2019-07", "delivery"),
])
def test_what_happened_in_defence_news(sentence, date, kind):
    assert_typed(sentence, date, kind)


@pytest.mark.parametrize("sentence, date, kind", [
    # a base form after a modal or "to" is a verb ("would deliver")
    ("After the July 3 coup in Egypt, the Pentagon said it would deliver four F-16 jets by "
     "the end of July.", "2023-07", "delivery"),
    ("India's security cabinet on Wednesday gave the go-ahead for Israeli Barak-8 missiles.",
     "2023-06-07", "deal"),
    # a cue right beside the date, in its phrase, wins over a statistic of the sentence
    ("Following the Russian invasion in February 2022, Ukraine became the third-largest arms "
     "importer during 2022.", "2022-02", "conflict"),
])
def test_verbs_and_phrases_decide(sentence, date, kind):
    assert_typed(sentence, date, kind)


def test_a_contract_signed_is_a_deal():
    got = events_of("Israel supplied the radar to Azerbaijan under a contract signed in 2011.")
    assert [(d, k) for d, k, _w in got] == [("2011", "deal")], got


@pytest.mark.parametrize("sentence, words, title", [
    # a title never keeps the hole where the date words were
    ("Defense Minister Izoria said in January 2018 that the first deliveries had begun.",
     "January 2018", "Defense Minister Izoria said that the first deliveries had begun."),
    ("Moscow granted Armenia a $200 million credit in 2015 to buy Russian weapons.", "2015",
     "Moscow granted Armenia a $200 million credit to buy Russian weapons."),
    ("The plan is to begin deliveries before the end of 2021 in accordance with the contract.",
     "the end of 2021", "The plan is to begin deliveries in accordance with the contract."),
    ("Last month, interior minister Ahmed had disclosed the purchase.", "Last month",
     "Interior minister Ahmed had disclosed the purchase."),  # not "Terior minister"
    ("At the same time, the export licenses of three officials were suspended.", "",
     "The export licenses of three officials were suspended."),
    ("MOSCOW, July 25 (Xinhua) -- Russia has completed the first S-400 delivery.", "July 25",
     "Russia has completed the first S-400 delivery."),  # the wire dateline is no title
])
def test_titles_have_no_holes(sentence, words, title):
    from extract.events import make_title

    i = sentence.index(words) if words else 0
    spans = [(i, i + len(words))] if words else []
    assert make_title(sentence, spans) == title


@pytest.mark.parametrize("sentence, supplier, recipient", [
    ("Israel sold Harop drones to Azerbaijan in 2016.", "Israel", "Azerbaijan"),
    ("Baku bought Israeli drones in 2016.", "Israel", "Azerbaijan"),
    ("Baku bought Israeli Harop drones in 2016.", "Israel", "Azerbaijan"),  # a name after it
    ("Poland received the first K2 tanks from South Korea in 2022.", "South Korea", "Poland"),
    ("Russia signed a contract in 2018 to supply India with S-400 air defence systems.", "Russia",
     "India"),
    ("The United States approved the sale of Javelins to Georgia in 2017.", "United States",
     "Georgia"),
    ("Azerbaijan ordered Barak-8 air defence systems in 2016.", None, "Azerbaijan"),
    ("Armenia bought Russian-built Iskander missiles in 2016.", "Russia", "Armenia"),
    # a passive's "by" names the side its verb is of; a later verb fills the other side
    ("Harop drones supplied by Israel to Azerbaijan were delivered in 2016.", "Israel",
     "Azerbaijan"),
    ("The port welcomed the delivery of the first shipment of South Korean tanks bought by "
     "Poland in 2022.", "South Korea", "Poland"),
    ("The deliveries of Russian S-400 systems bought by Turkey began in 2019.", "Russia",
     "Turkey"),
    # who sells to whom is not said: nothing is guessed
    ("Turkey and Azerbaijan signed an arms deal in 2020.", None, None),
    ("Moscow and New Delhi signed a contract on the delivery of S-400 systems in 2018.", None,
     None),
    # whose negotiations they are, the words do not say (not Brazil's)
    ("Brazil awarded a contract to Saab and negotiations to sell Rafales to India have "
     "dragged on since 2012.", None, "India"),
    # a passive's subject gives nothing; "according to" marks no recipient; a place and a
    # rival are not sides; permission is not arms; taking delivery is getting
    ("Seoul said containers were being shipped through the North Korean port of Najin in "
     "2022.", None, None),
    ("The Rafale jets should be delivered in 2024, according to the French defence ministry.",
     None, None),
    ("Hanwha will build 129 vehicles at a factory in Australia, with the delivery to begin "
     "in 2027.", None, None),
    ("South Korea's Hanwha said it won over Germany's Rheinmetall in 2023 in a contract to "
     "provide military vehicles to the Australian Army.", "South Korea", "Australia"),
    ("Last month, Israel received permission from the United States to sell the Arrow 3 "
     "system to Germany.", "Israel", "Germany"),
    ("Poland is due to take delivery of the F-35 in 2024.", None, "Poland"),
    ("Morocco has received the first shipments of the air defence system made by Israel in "
     "2023.", "Israel", "Morocco"),
    ("The contract between Indian firms and Armenia for the supply of Pinaka rockets was signed "
     "in 2022.", None, None),
    # the partner "with" whom, right before "to" and the verb
    ("Japan signed a contract with the United States to buy Tomahawk cruise missiles in 2024.",
     "United States", "Japan"),
    ("Indonesia signed a deal with France on Thursday to buy six Rafale warplanes.", "France",
     "Indonesia"),
    ("Denmark signed an agreement with Argentina to sell 24 used F-16 jets in 2024.", "Denmark",
     "Argentina"),
])
def test_a_transfer_says_who_sells_to_whom(sentence, supplier, recipient):
    art = article_from_text(TITLE + sentence, file="a.txt",
                            manifest={"a.txt": {"published": "2023-06-10"}})
    events = extract_events(art, "a")
    assert [(e.supplier, e.recipient) for e in events] == [(supplier, recipient)], \
        [(e.type, e.supplier, e.recipient) for e in events]


def test_only_deals_and_deliveries_have_a_direction():
    art = article_from_text(TITLE + "Israel's defence minister visited Azerbaijan in May 2023.",
                            file="a.txt", manifest={"a.txt": {"published": "2023-06-10"}})
    assert [(e.type, e.supplier, e.recipient) for e in extract_events(art, "a")] == [
        ("visit", None, None)]


def test_an_ambiguous_numeric_date_is_flagged_for_the_reviewer():
    art = article_from_text(TITLE + "Azerbaijan signed the contract with Israel on 03/04/2023.",
                            file="a.txt", manifest={"a.txt": {"published": "2023-06-10"}})
    (event,) = extract_events(art, "a")
    assert "could be 3 April or 4 March 2023" in event.notes
    assert event.confidence < 0.8
    # another date in the text that can only be day-first tells the order: no note
    art = article_from_text(TITLE + "Azerbaijan signed the contract with Israel on 03/04/2023. "
                            "Israel delivered the drones on 25/05/2023.", file="a.txt",
                            manifest={"a.txt": {"published": "2023-06-10"}})
    assert all(e.notes is None for e in extract_events(art, "a"))


def test_actors_come_from_the_sentence_after_when_none_before():
    body = ("The Ministry of Defence signed four contracts for missile vessels on Thursday.\n\n"
            "The contracts with Indian shipyards were for 11 offshore patrol vessels.\n\n"
            "The delivery of the ships, heavily armed war vessels with offensive capability, "
            "is scheduled to start from March 2027.")
    art = article_from_text(TITLE + body, file="a.txt",
                            manifest={"a.txt": {"published": "2023-03-30"}})
    got = {str(e.date): e for e in extract_events(art, "a")}
    deal = got["2023-03-30"]
    assert (deal.type, deal.actors) == ("deal", ["India"])
    assert "India are from the sentence after" in deal.notes
    # "war vessels" are ships and "offensive capability" no offensive: the delivery's noun
    # types the schedule
    assert got["2027-03"].type == "delivery"


@pytest.mark.parametrize("lead", [
    "BAKU, Azerbaijan, May 19. ",  # Trend
    "DUBAI, May 19. /TASS/. ",  # TASS
])
def test_a_wire_dateline_split_off_dates_the_lead(lead):
    # the splitter makes the dateline a sentence of its own; its day is the lead's
    body = (lead + "The leadership of the Ministry of Defense of Azerbaijan is on an official "
            "visit to Tel Aviv, Israel, the ministry reports.")
    event = one_event(body, "2025-05-19")
    assert (str(event.date), event.type, event.evidence[0].date_text) == (
        "2025-05-19", "visit", "May 19")
    assert event.evidence[0].quote == body  # the quote holds the date words
    assert event.title.startswith("The leadership of the Ministry of Defense")


def test_a_dateline_day_is_the_reports_when_the_lead_dates_its_happening():
    body = ("PARIS, June 18. /TASS/. The defense ministers of France and Armenia signed a "
            "contract on June 17 for Yerevan to purchase Caesar howitzers, the minister said.")
    got = events_of(body, "2024-06-18")
    assert sorted(got) == [("2024-06-17", "deal", "June 17"),
                           ("2024-06-18", "statement", "June 18")]
    # the lead's saying on the dateline's day: one happening, typed by the lead
    body = ("STOCKHOLM, March 13. /TASS/. Arms imports of European states between 2018 and "
            "2022 rose 47 percent, the Swedish institute SIPRI said on Monday.")
    assert {(d, k) for d, k, _w in events_of(body, "2023-03-13")} >= {
        ("2023-03-13", "statistic")}
    assert ("2023-03-13", "statement") not in {(d, k) for d, k, _w in
                                                events_of(body, "2023-03-13")}


def test_a_dateline_day_the_lead_names_again_adds_no_candidate():
    body = ("BERLIN (UrduPoint News / Sputnik - 03rd November, 2021) The German government has "
            "approved arms exports worth 2.3 billion euros, the economy ministry said on "
            "Wednesday.")
    event = one_event(body, "2021-11-03")
    assert (str(event.date), event.type, event.evidence[0].date_text) == (
        "2021-11-03", "statement", "Wednesday")
    assert event.title.startswith("The German government has approved arms exports")


@pytest.mark.parametrize("body, words", [
    ("SEOUL, July 31 (UPI) -- South Korea's Hanwha Aerospace said it won a contract to "
     "provide 129 Redback vehicles to Australia.", "July 31"),
    ("Rabat, Aug 12 Morocco has received the first shipments of the Israeli Barak MX air "
     "defence system, local media reported.", "Aug 12"),
])
def test_a_happening_dated_only_by_its_report_s_dateline_is_flagged(body, words):
    event = one_event(body, "2023-08-12")
    assert event.evidence[0].date_text == words
    assert f"dated by the wire dateline's '{words}', the report's day" in event.notes
    # a lead that tells of the day itself is not
    art = article_from_text(TITLE + "Rabat, Aug 12 The Israeli defence minister is on an "
                            "official visit to Morocco.", file="a.txt",
                            manifest={"a.txt": {"published": "2023-08-12"}})
    (event,) = extract_events(art, "a")
    assert (str(event.date), event.type, event.notes) == ("2023-08-12", "visit", None)


def test_an_agency_tag_opening_the_lead_is_not_in_the_title():
    art = article_from_text(TITLE + "(Reuters) - France signed a contract to sell CAESAR "
                            "howitzers to Armenia on Tuesday.", file="a.txt",
                            manifest={"a.txt": {"published": "2024-06-18"}})
    (event,) = extract_events(art, "a")
    assert event.title == "France signed a contract to sell CAESAR howitzers to Armenia."


def test_a_named_war_dated_by_its_year_is_one_happening_at_the_years_precision():
    got = events_of("During the Second Nagorno-Karabakh War in 2020, Azerbaijan deployed "
                    "Bayraktar TB2 drones bought from Turkey.", "2024-02-16")
    assert got == [("2020", "combat_use", "2020")]
    # alone, the war's days come from the named-events gazetteer
    got = events_of("During the Second Nagorno-Karabakh War, Azerbaijan deployed Bayraktar TB2 "
                    "drones bought from Turkey.", "2024-02-16")
    assert [(d, k) for d, k, _w in got] == [("2020-09-27", "combat_use")]


def test_a_since_clause_dates_what_has_gone_on_since_as_well():
    # two happenings, one date: the clashes broke out last month, and the resupply flights
    # have run since then
    got = events_of("Since clashes broke out again last month in Nagorno Karabakh, there have "
                    "been reports of cargo planes on resupply missions between Baku and Israeli "
                    "air bases.", "2020-10-06")
    assert sorted((d, k) for d, k, _w in got) == [("2020-09", "conflict"),
                                                   ("2020-09", "delivery")]
    # the main clause telling the same kind of happening gives one candidate
    got = events_of("Since clashes broke out again last month in Nagorno Karabakh, fighting "
                    "has gone on near the border with Azerbaijan.", "2020-10-06")
    assert [(d, k) for d, k, _w in got] == [("2020-09", "conflict")]


def test_a_baseline_period_is_not_a_statistic_of_its_own():
    # SIPRI compares five-year periods: the earlier one is what the figure is measured on
    got = events_of("Arms exports of the United States saw a rise of 17% between 2014–18 and "
                    "2019–23, while exports by Russia fell by 53%.", "2024-03-11")
    assert [(d, k, w) for d, k, w in got] == [("2019", "statistic", "2019–23")]
    got = events_of("Imports of major arms by Poland increased by 47 percent in 2018-2022 "
                    "compared with that of the 2013-2017 period, SIPRI said.", "2023-03-13")
    assert [d for d, _k, _w in got] == ["2018"]
    # a span of its own, with no other span in the sentence, stays
    got = events_of("Israel supplied nearly 70% of Azerbaijan's imports between 2016 and "
                    "2020, SIPRI said.", "2021-03-15")
    assert [(d, k) for d, k, _w in got] == [("2016", "statistic")]


@pytest.mark.parametrize("body, title", [
    ("An official told reporters that Friday’s package for Ukraine was for its artillery.",
     "An official told reporters that the package for Ukraine was for its artillery."),
    ("Fallon added: \"Today's contract is fantastic news for the British Army.\"",
     "Fallon added: \"the contract is fantastic news for the British Army."),
    ("Kamala Harris joined Biden and Zelenskyy on Tuesday’s call about Ukraine.",
     "Kamala Harris joined Biden and Zelenskyy on the call about Ukraine."),
    ("WASHINGTON (AP) — The U.S. announced plans on Tuesday to provide $625 million in "
     "military aid to Ukraine.",
     "The U.S. announced plans to provide $625 million in military aid to Ukraine."),
    ("YEREVAN. – Armenia's defence minister on Thursday received a delegation from Russia.",
     "Armenia's defence minister received a delegation from Russia."),
    ("New Delhi, Nov 22: India's air defence got a boost with Russia delivering the S-400.",
     "India's air defence got a boost with Russia delivering the S-400."),
    ("Russia plans to supply the S-400 to India, its chief told TASS on the sidelines of the "
     "Dubai Airshow 2021 on Sunday.",
     "Russia plans to supply the S-400 to India, its chief told TASS on the sidelines of the…"),
    ("Pakistan had requested to buy the J-10C fighter jets as far back as 2006.",
     "Pakistan had requested to buy the J-10C fighter jets."),
    ("New Delhi, April 19 India on Friday delivered the BrahMos missile system to the "
     "Philippines.", "India delivered the BrahMos missile system to the Philippines."),
    ("TBILISI, Georgia (AA) – Turkey on Friday made a donation of vehicles to the Georgian "
     "army.", "Turkey made a donation of vehicles to the Georgian army."),
    ("Putin's one day visit to India is scheduled for December 6.",
     "Putin's one day visit to India is scheduled."),
    ("(MENAFN- Asia Times) Nine of the 10 biggest arms importers in 2019–23 were in Asia, "
     "India among them, SIPRI said on Monday.",
     "Nine of the 10 biggest arms importers were in Asia, India among them, SIPRI said."),
    ("The contracts, signed in Poland on Friday (August 26), are part of South Korea's "
     "biggest arms deal.",
     "The contracts, signed in Poland, are part of South Korea's biggest arms deal."),
    ("The Iron Dome battery was shipped to the US over the weekend, Israel's defense ministry "
     "said.", "The Iron Dome battery was shipped to the US, Israel's defense ministry said."),
    ('Pompeo announced: "Today, the United States notified Congress of the F-35 sale."',
     'Pompeo announced: "the United States notified Congress of the F-35 sale.'),
    ("At end-2022, Dassault's Rafale backlog for Egypt stood at 123 aircraft.",
     "Dassault's Rafale backlog for Egypt stood at 123 aircraft."),
    ('Iran called the drone report "unfounded", its foreign minister said on Monday.',
     'Iran called the drone report "unfounded", its foreign minister said.'),
    ("New Delhi [India], November 24 (ANI): India has started the supply of Pinaka rockets to "
     "Armenia.", "India has started the supply of Pinaka rockets to Armenia."),
    ("New Delhi: India delivered the first BrahMos missiles to the Philippines on Friday.",
     "India delivered the first BrahMos missiles to the Philippines."),
    ("Russia and Iran: a union of two despots on arms, the Ukrainian ministry said on Tuesday.",
     "Russia and Iran: a union of two despots on arms, the Ukrainian ministry said."),
])
def test_titles_of_wire_leads_and_possessive_days(body, title):
    art = article_from_text(TITLE + body, file="a.txt",
                            manifest={"a.txt": {"published": "2022-10-07"}})
    assert {e.title for e in extract_events(art, "a")} == {title}


def test_today_in_an_undated_quotation_is_flagged():
    # the speech was at Friday's ceremony, the report two days later: "Today" is the
    # speaker's day, which the text does not give
    body = ("The air force chief described Friday's induction as historic.\n\n"
            "“Today, after a gap of almost four decades, the Pakistan air force is inducting a "
            "new combat system,” the air force chief said.")
    art = article_from_text(TITLE + body, file="a.txt",
                            manifest={"a.txt": {"published": "2022-03-13"}})
    today = [e for e in extract_events(art, "a") if e.evidence[0].date_text == "Today"]
    assert today and "in a quotation the text does not date" in today[0].notes
    # a dated saying resolves it: no note, the speaker's day
    body = ("“Today, after a gap of almost four decades, the Pakistan air force is inducting a "
            "new combat system,” the air force chief said on Friday.")
    art = article_from_text(TITLE + body, file="a.txt",
                            manifest={"a.txt": {"published": "2022-03-13"}})
    today = [e for e in extract_events(art, "a") if e.evidence[0].date_text == "Today"]
    assert [(str(e.date), e.notes) for e in today] == [("2022-03-11", None)]


def test_a_weekday_that_is_not_the_days_own_is_flagged_not_moved_a_year():
    # 24 August 2018 was a Friday; the article, two days later, wrote "Saturday, August 24".
    # The past tense keeps the day in 2018 (the Saturday of 24 August 2019 is after the
    # report), and the reviewer is told the text slipped on the weekday or the day
    art = article_from_text(TITLE + "Armenian officers met Indian arms makers in India, the "
                            "ministry said in a tweet on Saturday, August 24.", file="a.txt",
                            manifest={"a.txt": {"published": "2018-08-26"}})
    (event,) = extract_events(art, "a")
    assert str(event.date) == "2018-08-24"
    assert "names a Saturday, but it was read as 24 August 2018, a Friday" in event.notes
    assert event.confidence < 0.8
    # the weekday and the day agree: no note
    art = article_from_text(TITLE + "Armenian officers met Indian arms makers in India, the "
                            "ministry said in a tweet on Friday, August 24.", file="a.txt",
                            manifest={"a.txt": {"published": "2018-08-26"}})
    (event,) = extract_events(art, "a")
    assert str(event.date) == "2018-08-24" and event.notes is None


def test_a_cue_around_the_date_words_types_the_happening():
    # the date words between the verb and its object: a deal, not the closing "said"
    assert events_of("Poland signed on Monday a contract with Raytheon for 48 Patriot "
                     "launchers, the ministry said.", "2024-08-12") == [
        ("2024-08-12", "deal", "Monday")]
    # date words inside a long cue are not its: here they date the arrivals, and the cue of
    # the whole clause ("contracts ... were signed") does not make them a deal
    got = events_of("Contracts for the arrival of 180 K2 tanks between 2022 and 2025 were "
                    "signed by Poland.", "2022-12-06")
    assert [(d, w) for d, _k, w in got] == [("2022", "between 2022 and 2025")]
    assert got[0][1] != "deal"


def test_two_and_three_happenings_in_one_sentence():
    # each date takes the verb nearest it: a deal and a delivery; three dated flights
    assert events_of("Azerbaijan signed the Barak-8 contract with Israel in 2017, and the first "
                     "battery arrived on 12 July 2018.", "2019-01-01") == [
        ("2017", "deal", "2017"), ("2018-07-12", "delivery", "12 July 2018")]
    got = events_of("Flights from Israel to Baku increased in the middle of 2016, in late 2020 "
                    "and at the end of 2021, Haaretz said.", "2023-03-06")
    assert [(d, k) for d, k, _w in got] == [("2016", "delivery"), ("2020", "delivery"),
                                            ("2021", "delivery")]


def test_a_dated_photo_caption_is_evidence_of_what_it_shows():
    text = ("Herzog visits Baku\n\n"
            "Israeli President Isaac Herzog and Azerbaijani President Ilham Aliyev at the joint "
            "press conference in Baku, May 30, 2023 / President.Az\n\n"
            "Israel's President Herzog said on Tuesday in Baku that Israel and Azerbaijan face "
            "the same threats.")
    art = article_from_text(text, file="a.txt", manifest={"a.txt": {"published": "2023-05-31"}})
    assert [p.kind for p in art.paragraphs] == ["title", "caption", "body"]
    (event,) = extract_events(art, "a")  # one happening: the caption joins the body's
    assert str(event.date) == "2023-05-30"
    assert [e.date_text for e in event.evidence] == ["Tuesday", "May 30, 2023"]
    # a caption whose happening the text does not date is a candidate of its own
    alone = text.replace("said on Tuesday in Baku", "said in Baku")
    art = article_from_text(alone, file="a.txt", manifest={"a.txt": {"published": "2023-05-31"}})
    assert [(str(e.date), e.evidence[0].date_text) for e in extract_events(art, "a")] == [
        ("2023-05-30", "May 30, 2023")]


def test_systems_in_text_with_other_than_ascii_letters():
    # the same names as in plain ASCII text (the pattern for such text is a prefix tree too)
    from extract.events import Gazetteers

    systems = Gazetteers.load().systems
    plain = "Turkey bought F-16s and the Bayraktar TB2; the Patriots won."
    assert systems.found(plain) == ["F-16", "Bayraktar TB2"]
    assert systems.found(plain.replace("Turkey", "Türkiye")) == ["F-16", "Bayraktar TB2"]


def test_a_passive_signing_of_contracts_is_a_deal():
    got = events_of("Poland ordered K2 tanks and K9 howitzers from South Korea. Contracts for the "
                    "delivery of 180 tanks and 212 howitzers were signed at the end of August.",
                    "2022-12-06")
    assert [(d, k, w) for d, k, w in got] == [("2022-08", "deal", "the end of August")], got


@pytest.mark.parametrize("sentence, first, last", [
    # the report is of Saturday 10 June 2023, in the week of Monday 5 June
    ("South Korea signed earlier this week a $1.65 billion defense deal with Egypt.",
     "2023-06-05", "2023-06-09"),  # before the report's day
    ("Shin Won-sik of South Korea said this week that the K9 deal with Egypt was signed.",
     "2023-06-05", "2023-06-10"),  # said: by the report's day at the latest
    ("Egypt will receive the K9 howitzers from South Korea this week.", "2023-06-10",
     "2023-06-11"),  # to come: from the report's day
    ("Egypt will receive the K9 howitzers from South Korea later this week.", "2023-06-11",
     None),
    ("Egypt received K9 howitzers from South Korea last week.", "2023-05-29", "2023-06-04"),
])
def test_the_report_s_own_week_is_cut_at_its_day(sentence, first, last):
    event = one_event(sentence, "2023-06-10")
    assert (str(event.date), str(event.end) if event.end else None) == (first, last)


@pytest.mark.parametrize("post, signature, kind", [
    ("The first K2 tanks \ufffd\ufffd and K9 gun-howitzers have arrived at #Gdynia port "
     "pic.twitter.com/MdbMPJgFZn", "— Poland MOD (@Poland_MOD) December 5, 2022", "delivery"),
    ('"Russia and Iran: A perfect union of two despots," the Ukrainian ministry said.',
     "Defense of Ukraine (@DefenceU) September 13, 2022", "statement"),
])
def test_an_embedded_post_is_dated_by_its_signature(post, signature, kind):
    body = ("Poland took delivery of its first Korean arms this week.\n\n" + post + "\n\n"
            + signature + "\n\nThe framework agreement with Hyundai Rotem covers 1,000 tanks.")
    art = article_from_text(TITLE + body, file="a.txt",
                            manifest={"a.txt": {"published": "2022-12-06"}})
    signed = [e for e in extract_events(art, "a") if e.evidence[0].date_text in signature]
    assert len(signed) == 1, signed
    (event,) = signed
    assert event.type == kind
    assert event.evidence[0].quote == post + "\n\n" + signature  # the post and its date words
    assert "@" not in event.title and "pic.twitter" not in event.title
    assert "\ufffd" not in event.title


def test_two_days_joined_by_or_are_one_happening_on_one_of_them():
    event = one_event("Vucic said Serbia would show the Chinese FK-3 missiles on April 12 or 13.",
                      "2023-04-10")
    assert (str(event.date), str(event.end), event.approximate) == (
        "2023-04-12", "2023-04-13", True)
    assert not event.title.endswith("or.")
    # "and" joins two days of one happening: each its own day, as before
    assert [d for d, _k, _w in events_of("Serbia received FK-3 missiles from China on April 9 "
                                         "and 10.", "2023-04-11")] == ["2023-04-09",
                                                                       "2023-04-10"]


@pytest.mark.parametrize("words, approximate", [
    ("40 years ago", True), ("two decades ago", True), ("three years ago", False),
    ("in 1982", False)])
def test_a_round_count_of_years_back_is_approximate(words, approximate):
    art = article_from_text(TITLE + f"Pakistan bought F-16s from the United States {words}.",
                            file="a.txt", manifest={"a.txt": {"published": "2022-03-11"}})
    (event,) = extract_events(art, "a")
    assert event.approximate is approximate


def test_a_file_photo_s_date_is_no_happening_and_a_credit_no_title():
    assert events_of("A file photo from September 11, 2021 of a French Rafale fighter jet "
                     "of the Egyptian air force.") == []
    art = article_from_text(TITLE + "Herzog and Aliyev at the joint press conference in Baku, "
                            "May 30, 2023 / President.Az", file="a.txt",
                            manifest={"a.txt": {"published": "2023-05-31"}})
    (event,) = extract_events(art, "a")
    assert event.title == "Herzog and Aliyev at the joint press conference in Baku"


@pytest.mark.parametrize("body, published, want", [
    # a schedule given up is no happening; the same day in brackets is said once
    ("Taiwan's 18 HIMARS will be delivered early, in 2026 instead of 2027 and 2028, reports said "
     "Friday (May 5).", "2023-05-05", [("2026", "delivery"), ("2023-05-05", "statement")]),
    ("F-16V deliveries to Taiwan were postponed from the fourth quarter of 2023 until the third "
     "quarter of 2024.", "2023-05-05", [("2024-07", "delivery")]),
    # a dateline that is a day alone is the report's; the lead's own day dates the signing
    ("Dec. 11 (UPI) -- Qatar has become the ninth country to buy the F-15 with a contract it "
     "signed Sunday.", "2017-12-11", [("2017-12-10", "deal"), ("2017-12-11", "statement")]),
    # a noun's date after "of"; a state of things before a year is no happening
    ("Russia and Uzbekistan signed contracts for Su-30 jets under an agreement of November 29, "
     "2016.", "2017-01-10", [("2016-11-29", "agreement")]),
    ("Before 2011, just three countries had armed UAVs such as the Wing Loong.", "2021-03-22",
     []),
    # the verb of a noun a few words on; "the supply of" is a delivery
    ("Qatar signed the contract in December 2017, and deliveries of the 24 Eurofighter jets are "
     "expected to begin in 2022.", "2018-09-01", [("2017-12", "deal"), ("2022", "delivery")]),
    ("India has started the supply of Pinaka rockets to Armenia, officials said in November "
     "2022.", "2022-11-25", [("2022-11", "statement")]),
])
def test_schedules_datelines_and_the_nouns_dates_belong_to(body, published, want):
    assert sorted((d, k) for d, k, _w in events_of(body, published)) == sorted(want)


def test_a_store_stamp_picks_the_header_date_it_agrees_with_and_may_give_a_month():
    text = (" date 2016-09-05\nMonday, September 5, 2016\n\nSaudi Arabia To Buy Chinese UAVs\n\n"
            "DEFENSE WORLD - September 4, 2016\n\nSaudi Arabia has signed a deal with China to "
            "buy Wing Loong drones, officials said on Friday.")
    assert article_from_text(text, file="a.txt").published == "2016-09-05"
    text = (" date 2018-09 The £5bn deal between Qatar and BAE Systems became effective.\n\n"
            "The contract for 24 Eurofighter jets was signed in December.")
    art = article_from_text(text, file="a.txt")
    assert art.published == "2018-09"
    assert [str(e.date) for e in extract_events(art, "a")] == ["2017-12"]


def test_titles_cut_joined_dates_whole_and_what_ties_a_comparison():
    from extract.events import make_title

    s = "Japan planned to obtain Tomahawk missiles in fiscal 2026 and 2027 from the US."
    a, b = s.index("fiscal 2026"), s.index("2027")
    assert make_title(s, [(a, a + 11), (b, b + 4)]) == (
        "Japan planned to obtain Tomahawk missiles from the US.")
    s = "India imported double the arms compared to 2014-18, a researcher said."
    a = s.index("2014-18")
    assert make_title(s, [(a, a + 7)]) == "India imported double the arms, a researcher said."
    s = "NATO helped end the war almost four years ago and now is poised to intervene."
    a, b = s.index("almost"), s.index("now")
    assert make_title(s, [(a, a + 21), (b, b + 3)]) == (
        "NATO helped end the war and is poised to intervene.")


def test_today_followed_by_its_date_needs_no_note():
    body = ('The statement reads: "The first batch of A-29 Super Tucano aircraft have arrived '
            'Kano, today 22 July 2021 at about 12 noon from the United States."')
    art = article_from_text(TITLE + body, file="a.txt",
                            manifest={"a.txt": {"published": "2021-07-23"}})
    assert all("quotation" not in (e.notes or "") for e in extract_events(art, "a"))

"""Realistic names for bench/load_bench.py: a few very common family names, a long
tail of rarer ones, and given names with the spread of an older English population.

The common family names are the most frequent in England and Wales, each with an
approximate share per 100,000 people (Smith about 1.3%, Jones about 0.75%, and so
on down). Together they cover about two people in five; the rest get a rarer
name from ``RareNames``: made-up but English-looking names built from many
different sounds and endings, drawn with a long-tailed (Zipf) frequency, so a
million people have tens of thousands of distinct family names, most shared by a
handful of people, and their three-letter pieces are spread the way real names'
are (not a few invented halves shared by everyone, as in the synthetic
generator's names). A few people have a double-barrelled name.

Plain data and ``random`` only: no Django, no database."""

from __future__ import annotations

import bisect
import itertools
import random

# Family name: approximate people per 100,000 in England and Wales.
COMMON_FAMILY_NAMES: tuple[tuple[str, int], ...] = (
    ("Smith", 1260), ("Jones", 750), ("Williams", 640), ("Taylor", 500), ("Brown", 490),
    ("Davies", 460), ("Evans", 380), ("Wilson", 360), ("Thomas", 360), ("Johnson", 350),
    ("Roberts", 330), ("Robinson", 280), ("Thompson", 280), ("Wright", 270), ("Walker", 260),
    ("White", 250), ("Edwards", 240), ("Hughes", 240), ("Green", 230), ("Hall", 230),
    ("Lewis", 220), ("Harris", 220), ("Clarke", 220), ("Patel", 220), ("Jackson", 210),
    ("Wood", 200), ("Turner", 190), ("Martin", 190), ("Cooper", 190), ("Hill", 190),
    ("Ward", 180), ("Morris", 180), ("Moore", 180), ("Clark", 180), ("Lee", 180),
    ("King", 180), ("Baker", 170), ("Harrison", 170), ("Morgan", 170), ("Allen", 160),
    ("James", 160), ("Scott", 160), ("Phillips", 160), ("Watson", 160), ("Davis", 160),
    ("Parker", 150), ("Price", 150), ("Bennett", 150), ("Young", 150), ("Griffiths", 150),
    ("Mitchell", 150), ("Kelly", 140), ("Cook", 140), ("Carter", 140), ("Richardson", 140),
    ("Bailey", 140), ("Collins", 140), ("Bell", 140), ("Shaw", 140), ("Murphy", 130),
    ("Miller", 130), ("Cox", 130), ("Richards", 130), ("Khan", 130), ("Marshall", 130),
    ("Anderson", 120), ("Simpson", 120), ("Ellis", 120), ("Adams", 120), ("Singh", 120),
    ("Begum", 120), ("Wilkinson", 120), ("Foster", 120), ("Chapman", 120), ("Powell", 120),
    ("Webb", 120), ("Rogers", 120), ("Gray", 110), ("Mason", 110), ("Ali", 110),
    ("Hunt", 110), ("Hussain", 110), ("Campbell", 110), ("Matthews", 110), ("Owen", 110),
    ("Palmer", 110), ("Holmes", 110), ("Mills", 110), ("Barnes", 110), ("Knight", 110),
    ("Lloyd", 110), ("Butler", 100), ("Russell", 100), ("Barker", 100), ("Fisher", 100),
    ("Stevens", 100), ("Jenkins", 100), ("Murray", 100), ("Dixon", 100), ("Harvey", 100),
    ("Graham", 95), ("Pearson", 95), ("Ahmed", 95), ("Fletcher", 95), ("Walsh", 95),
    ("Kaur", 95), ("Gibson", 90), ("Howard", 90), ("Andrews", 90), ("Stewart", 90),
    ("Elliott", 90), ("Reynolds", 90), ("Saunders", 90), ("Payne", 90), ("Fox", 90),
    ("Ford", 85), ("Pearce", 85), ("Day", 85), ("Brooks", 85), ("West", 85),
    ("Lawrence", 85), ("Cole", 85), ("Atkinson", 85), ("Bradley", 85), ("Spencer", 85),
    ("Gill", 80), ("Dawson", 80), ("Ball", 80), ("Burton", 80), ("O'Brien", 80),
    ("Watts", 80), ("Rose", 80), ("Booth", 80), ("Perry", 80), ("Ryan", 80),
    ("Grant", 75), ("Wells", 75), ("Armstrong", 75), ("Francis", 75), ("Rees", 75),
    ("Hayes", 75), ("Hart", 75), ("Hudson", 75), ("Newman", 75), ("Barrett", 75),
    ("Webster", 70), ("Hunter", 70), ("Gregory", 70), ("Carr", 70), ("Lowe", 70),
    ("Page", 70), ("Marsh", 70), ("Riley", 70), ("Dunn", 70), ("Woods", 70),
    ("Parsons", 70), ("Berry", 70), ("Stone", 70), ("Reid", 70), ("Holland", 65),
    ("Hawkins", 65), ("Harding", 65), ("Porter", 65), ("Robertson", 65), ("Newton", 65),
    ("Oliver", 65), ("Reed", 65), ("Kennedy", 65), ("Williamson", 65), ("Bird", 65),
    ("Gardner", 60), ("Shah", 60), ("Dean", 60), ("Lane", 60), ("Cooke", 60),
    ("Bates", 60), ("Henderson", 60), ("Parry", 60), ("Burgess", 60), ("Bishop", 60),
    ("Walton", 60), ("Burns", 60), ("Nicholson", 60), ("Shepherd", 60), ("Ross", 60),
    ("Cross", 55), ("Long", 55), ("Freeman", 55), ("Warren", 55), ("Nicholls", 55),
    ("Hamilton", 55), ("Byrne", 55), ("Sutton", 55), ("McDonald", 55), ("Yates", 55),
    ("Hodgson", 55), ("Robson", 55), ("Curtis", 55), ("Hopkins", 55), ("O'Connor", 55),
    ("Harper", 50), ("Coleman", 50), ("Watkins", 50), ("Moss", 50), ("McCarthy", 50),
    ("Chambers", 50), ("O'Neill", 50), ("Griffin", 50), ("Sharp", 50), ("Hardy", 50),
    ("Wheeler", 50), ("Potter", 50), ("Osborne", 50), ("Johnston", 50), ("Gordon", 50),
    ("Doyle", 50), ("Wallace", 50), ("George", 50), ("Jordan", 50), ("Hutchinson", 50),
    ("Rowe", 45), ("Burke", 45), ("May", 45), ("Pritchard", 45), ("Gilbert", 45),
    ("Willis", 45), ("Higgins", 45), ("Read", 45), ("Miles", 45), ("Stevenson", 45),
    ("Stephenson", 45), ("Hammond", 45), ("Arnold", 45), ("Buckley", 45), ("Walters", 45),
    ("Hewitt", 45), ("Barber", 45), ("Nelson", 45), ("Slater", 45), ("Austin", 45),
    ("Sullivan", 40), ("Whitehead", 40), ("Mann", 40), ("Frost", 40), ("Lambert", 40),
    ("Stephens", 40), ("Blake", 40), ("Akhtar", 40), ("Lynch", 40), ("Goodwin", 40),
    ("Barton", 40), ("Woodward", 40), ("Thomson", 40), ("Cunningham", 40), ("Quinn", 40),
    ("Barnett", 40), ("Baxter", 40), ("Bibi", 40), ("Clayton", 40), ("Nash", 40),
    ("Greenwood", 40), ("Jennings", 40), ("Holt", 40), ("Kemp", 40), ("Poole", 40),
    ("Gallagher", 35), ("Bond", 35), ("Stokes", 35), ("Tucker", 35), ("Davidson", 35),
    ("Fowler", 35), ("Heath", 35), ("Norman", 35), ("Middleton", 35), ("Lawson", 35),
    ("Banks", 35), ("French", 35), ("Stanley", 35), ("Jarvis", 35), ("Gibbs", 35),
    ("Ferguson", 35), ("Hayward", 35), ("Carroll", 35), ("Douglas", 35), ("Dickinson", 35),
    ("Todd", 30), ("Barlow", 30), ("Peters", 30), ("Lucas", 30), ("Knowles", 30),
    ("Hartley", 30), ("Miah", 30), ("Simmons", 30), ("Morton", 30), ("Alexander", 30),
    ("Field", 30), ("Morrison", 30), ("Norris", 30), ("Townsend", 30), ("Preston", 30),
    ("Hancock", 30), ("Thornton", 30), ("Baldwin", 30), ("Burrows", 30), ("Briggs", 30),
    ("Storey", 30), ("Pugh", 30), ("Fraser", 30), ("Holden", 30), ("Boothroyd", 10),
)  # fmt: skip

# Given names of adults now living, with a rough weight each: the names of
# people born from the 1930s to the 2000s, most common first within each list.
GIVEN_NAMES_FEMALE: tuple[tuple[str, int], ...] = (
    ("Margaret", 300), ("Mary", 280), ("Susan", 250), ("Patricia", 200), ("Elizabeth", 200),
    ("Sarah", 200), ("Jean", 180), ("Christine", 170), ("Linda", 170), ("Barbara", 160),
    ("Janet", 160), ("Julie", 150), ("Karen", 150), ("Jacqueline", 140), ("Pauline", 140),
    ("Joan", 140), ("Dorothy", 130), ("Ann", 130), ("Anne", 130), ("Sandra", 130),
    ("Carol", 130), ("Helen", 130), ("Catherine", 120), ("Emma", 120), ("Deborah", 120),
    ("Jennifer", 110), ("Valerie", 110), ("Sheila", 110), ("Maureen", 110), ("Irene", 100),
    ("Doris", 100), ("Joyce", 100), ("Kathleen", 100), ("Brenda", 100), ("Gillian", 90),
    ("Lesley", 90), ("Wendy", 90), ("Alison", 90), ("Nicola", 90), ("Rachel", 90),
    ("Claire", 90), ("Lisa", 90), ("Michelle", 90), ("Joanne", 90), ("Amanda", 90),
    ("Hazel", 80), ("Eileen", 80), ("Sylvia", 80), ("Betty", 80), ("Vera", 70),
    ("Edna", 60), ("Gladys", 60), ("Elsie", 60), ("Ivy", 50), ("Winifred", 50),
    ("Rose", 60), ("Rita", 60), ("Shirley", 70), ("June", 70), ("Marion", 60),
    ("Angela", 80), ("Diane", 80), ("Judith", 70), ("Yvonne", 60), ("Beverley", 50),
    ("Laura", 80), ("Rebecca", 80), ("Hannah", 70), ("Gemma", 60), ("Charlotte", 60),
    ("Jessica", 50), ("Sophie", 50), ("Amy", 60), ("Kelly", 50), ("Victoria", 60),
    ("Louise", 60), ("Lucy", 50), ("Natalie", 40), ("Zoe", 40), ("Fatima", 40),
    ("Aisha", 30), ("Priya", 30), ("Nasreen", 25), ("Shazia", 20), ("Agnieszka", 20),
    ("Anna", 50), ("Maria", 40), ("Grace", 40), ("Siobhan", 25), ("Bronwen", 15),
    ("Zoë", 10), ("Chloé", 5), ("Siân", 10), ("Eira", 5), ("Niamh", 15),
)  # fmt: skip

GIVEN_NAMES_MALE: tuple[tuple[str, int], ...] = (
    ("John", 350), ("David", 320), ("Michael", 250), ("Peter", 220), ("Robert", 220),
    ("James", 220), ("William", 200), ("Paul", 180), ("Richard", 170), ("Stephen", 170),
    ("Christopher", 160), ("Mark", 160), ("Anthony", 150), ("Brian", 150), ("Kenneth", 140),
    ("George", 140), ("Thomas", 140), ("Alan", 130), ("Andrew", 130), ("Ian", 120),
    ("Keith", 110), ("Colin", 110), ("Graham", 100), ("Derek", 100), ("Roy", 100),
    ("Raymond", 100), ("Ronald", 100), ("Dennis", 90), ("Gary", 90), ("Kevin", 90),
    ("Stuart", 80), ("Martin", 90), ("Trevor", 80), ("Malcolm", 80), ("Geoffrey", 80),
    ("Frank", 80), ("Harold", 70), ("Arthur", 70), ("Albert", 60), ("Frederick", 60),
    ("Ernest", 50), ("Leslie", 60), ("Norman", 70), ("Gordon", 60), ("Barry", 70),
    ("Terence", 70), ("Philip", 80), ("Neil", 70), ("Simon", 80), ("Darren", 60),
    ("Lee", 50), ("Daniel", 90), ("Matthew", 90), ("Jonathan", 60), ("Adam", 50),
    ("Ben", 40), ("Benjamin", 40), ("Samuel", 40), ("Joseph", 70), ("Patrick", 50),
    ("Sean", 40), ("Liam", 40), ("Ryan", 40), ("Jack", 50), ("Luke", 40),
    ("Mohammed", 60), ("Muhammad", 30), ("Ahmed", 20), ("Imran", 20), ("Tariq", 15),
    ("Rajesh", 15), ("Sanjay", 15), ("Piotr", 15), ("Tomasz", 10), ("Declan", 15),
    ("Gareth", 30), ("Rhys", 20), ("Dylan", 15), ("Owen", 20), ("Callum", 20),
    ("Reginald", 20), ("Cyril", 20), ("Wilfred", 15), ("Clifford", 20), ("Eric", 60),
    ("Desmond", 15), ("Nigel", 40), ("Clive", 30), ("Howard", 30), ("Rodney", 20),
)  # fmt: skip

# The pieces rarer family names are made of: a first sound, a vowel, an inner
# sound, and an ending (English surnames end in places, trades and "son of").
_ONSETS = (
    "b", "bl", "br", "c", "ch", "cl", "cr", "d", "dr", "f", "fl", "fr", "g", "gl",
    "gr", "h", "j", "k", "kn", "l", "m", "n", "p", "pl", "pr", "qu", "r", "s", "sc",
    "sh", "sk", "sl", "sm", "sn", "sp", "st", "str", "sw", "t", "th", "tr", "tw", "v",
    "w", "wh", "wr", "y", "z", "", "", "",
)  # fmt: skip
_VOWELS = (
    "a", "e", "i", "o", "u", "y", "ai", "ea", "ee", "oa", "oo", "ou", "ay", "ey", "ie",
    "au", "ow",
)  # fmt: skip
_INNER = (
    "b", "bb", "ck", "d", "dd", "dg", "f", "ff", "g", "gg", "k", "l", "ll", "lm", "lt",
    "m", "mm", "mb", "n", "nn", "nd", "ng", "nt", "p", "pp", "r", "rr", "rd", "rk", "rn",
    "rs", "rt", "s", "ss", "st", "t", "tt", "v", "w", "x", "z", "", "",
)  # fmt: skip
_ENDINGS = (
    "", "", "", "e", "er", "ers", "es", "s", "son", "sen", "ton", "tone", "ham", "hurst",
    "ley", "ly", "by", "bury", "borough", "combe", "cott", "croft", "dale", "den", "don",
    "field", "ford", "forth", "gate", "hall", "holme", "house", "ing", "ington", "kin",
    "kins", "land", "low", "man", "mer", "more", "mouth", "ock", "ridge", "shaw", "stead",
    "stock", "stow", "thorpe", "wade", "ward", "well", "wick", "win", "wood", "worth",
    "wright", "yard", "ett", "et", "on", "in", "ins", "ney", "ny", "age", "ish", "head",
)  # fmt: skip


def _weighted(pairs: tuple[tuple[str, int], ...]) -> tuple[list[str], list[int]]:
    names = [name for name, _ in pairs]
    totals = list(itertools.accumulate(weight for _, weight in pairs))
    return names, totals


def _rare_name(rng: random.Random) -> str:
    syllables = 1 if rng.random() < 0.7 else 2
    name = ""
    for _ in range(syllables):
        name += rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_INNER)
    name += rng.choice(_ENDINGS)
    return name.capitalize()


class RareNames:
    """A pool of made-up rarer family names, drawn with Zipf-like weights: the
    first names in the pool come up about a hundred times in a million people,
    the last once or twice."""

    def __init__(self, rng: random.Random, size: int) -> None:
        seen: set[str] = set()
        pool: list[str] = []
        while len(pool) < size:
            name = _rare_name(rng)
            if len(name) >= 3 and name not in seen:
                seen.add(name)
                pool.append(name)
        self.pool = pool
        offset = max(10, size // 40)  # flattens the head: no made-up name is common
        self.totals = list(itertools.accumulate(1 / (rank + offset) for rank in range(size)))

    def choose(self, rng: random.Random) -> str:
        at = bisect.bisect_left(self.totals, rng.random() * self.totals[-1])
        return self.pool[min(at, len(self.pool) - 1)]


class Names:
    """Given and family names for ``people`` people, with a realistic spread."""

    # Share of people with one of the common family names, and with a double-barrelled one.
    COMMON_SHARE = 0.40
    DOUBLE_BARRELLED = 0.01

    def __init__(self, rng: random.Random, people: int) -> None:
        self.rng = rng
        self.common, self.common_totals = _weighted(COMMON_FAMILY_NAMES)
        self.female, self.female_totals = _weighted(GIVEN_NAMES_FEMALE)
        self.male, self.male_totals = _weighted(GIVEN_NAMES_MALE)
        # About one distinct rare name in the pool for every 12 people.
        self.rare = RareNames(rng, max(200, people // 12))

    @staticmethod
    def _pick(rng: random.Random, names: list[str], totals: list[int]) -> str:
        return names[bisect.bisect_left(totals, rng.random() * totals[-1])]

    def family(self) -> str:
        rng = self.rng
        if rng.random() < self.COMMON_SHARE:
            name = self._pick(rng, self.common, self.common_totals)
        else:
            name = self.rare.choose(rng)
        if rng.random() < self.DOUBLE_BARRELLED:
            other = self._pick(rng, self.common, self.common_totals)
            name = f"{other}-{name}" if other != name else name
        return name

    def given(self) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            return self._pick(rng, self.female, self.female_totals)
        return self._pick(rng, self.male, self.male_totals)

    def common_family_names(self, count: int) -> list[str]:
        """The ``count`` most common family names."""
        return self.common[:count]

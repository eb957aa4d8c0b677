"""Number words, scales, currencies, units and the qualifiers that bound a figure."""

from __future__ import annotations

#: Words before a figure that qualify it ("more than 900", "about 2,000"), as the
#: extractor writes them into ``Claim.qualifier``.
QUALIFIERS = (
    "no fewer than", "not fewer than", "no less than", "not less than", "no more than",
    "not more than", "more than", "fewer than", "less than", "at least", "at most", "up to",
    "as many as", "as much as", "close to", "nearly", "almost", "some", "about", "around",
    "roughly",
    "approximately", "over", "under", "just over", "just under", "upwards of", "an estimated",
    "estimated", "between", "only", "just", "exactly", "a total of", "a record",
)  # fmt: skip

#: Negated bounds, written as the bound they mean: "no fewer than 1.8 million" is at least
#: 1.8 million, the opposite of the "fewer than" it contains.
QUALIFIER_MEANS = {
    "no fewer than": "at least", "not fewer than": "at least", "no less than": "at least",
    "not less than": "at least", "no more than": "at most", "not more than": "at most",
}  # fmt: skip

#: Qualifiers that make a figure a bound ("more than 900": 900 or above) ...
LOWER_BOUNDS = frozenset({"more than", "at least", "over", "just over", "upwards of"})
UPPER_BOUNDS = frozenset(
    {
        "fewer than", "less than", "at most", "up to", "nearly", "almost", "under",
        "just under", "as many as", "as much as",
    }
)  # fmt: skip
#: ... or an estimate ("about 900").
APPROXIMATE = frozenset(
    {
        "about", "around", "some", "roughly", "approximately", "an estimated", "estimated",
        "close to",
    }
)  # fmt: skip

#: "one" .. "twenty", then the tens to "ninety", in value order.
SMALL_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
)  # fmt: skip
SMALL_NUMBER_VALUES = {
    w: (i + 1 if i < 19 else (i - 17) * 10) for i, w in enumerate(SMALL_NUMBER_WORDS)
}

#: Multipliers written after a number ("2.1 million", "$6.7bn", "5 lakh").
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "dozen": 12.0, "bn": 1e9, "b": 1e9,
    "mn": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12, "mln": 1e6, "bln": 1e9,
}  # fmt: skip

#: Currency written before the amount ("$", "Rs", "EUR ") -> ISO code.
CURRENCY_BEFORE = {
    "us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "¥": "JPY", "rs": "INR",
    "rs.": "INR", "inr": "INR", "usd": "USD", "eur": "EUR", "₦": "NGN", "gbp": "GBP",
    "rub": "RUB", "cny": "CNY", "jpy": "JPY", "ngn": "NGN", "chf": "CHF",
}  # fmt: skip
#: Currency written after the amount ("50 euros") -> ISO code.
CURRENCY_AFTER = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "rupees": "INR", "yuan": "CNY", "naira": "NGN", "yen": "JPY", "francs": "CHF",
}  # fmt: skip

#: Units of measure a figure may carry (a regex alternation, longest forms first).
MEASURE_UNITS = (
    r"square kilometres|square kilometers|square miles|kilometres|kilometers|km/h|km|miles|mph|"
    r"kilograms|kg|tonnes|tons|metres|meters|feet|ft|inches|cm|mm|hectares|acres|barrels|"
    r"megawatts|gigawatts|MW|GW|degrees Celsius|degrees Fahrenheit|degrees|°C|°F|C|F|magnitude|"
    r"basis[- ]points?|bps|bp|points"
)
#: Units written in the singular inside a compound adjective ("a 21-foot vessel", "a
#: 400-mile trip") and the plural unit each stands for.
COMPOUND_UNITS = {
    "foot": "feet", "metre": "metres", "meter": "meters", "mile": "miles", "kilometre": "km",
    "kilometer": "km", "km": "km", "inch": "inches", "tonne": "tonnes", "ton": "tons",
    "hour": "hours", "day": "days", "week": "weeks", "month": "months", "year": "years",
    "minute": "minutes",
}  # fmt: skip
#: People counted by a compound adjective ("a five-person crew", "the 577-member assembly",
#: "an 80-seat majority") and the noun they count.
COMPOUND_COUNTS = {
    "person": "people", "member": "members", "man": "men", "seat": "seats", "strong": "people",
    "story": "storeys", "storey": "storeys",
}  # fmt: skip
#: Nouns after an "N-year" compound that make it the name of a debt instrument's maturity
#: ("the 10-year Treasury yield", "a 30-year mortgage"), as "Boeing 737" names a model.
TENOR_NOUNS = frozenset(
    """treasury treasuries yield yields note notes bond bonds mortgage mortgages fixed
    breakeven ust gilt gilts loan loans bill bills""".split()
)
#: Fractions that multiply the unit after them ("half a percentage point", "three-quarters
#: of a point", "a quarter of a million").
FRACTIONS = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
    "one-third": 1 / 3, "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25,
    "one quarter": 0.25, "one-quarter": 0.25, "three-quarters": 0.75, "three quarters": 0.75,
}  # fmt: skip
#: Ordinal words, for ranks ("the third most-watched").
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip

#: Amounts with no value ("hundreds", "tens of thousands"), a regex alternation.
VAGUE_AMOUNTS = (
    r"(?:tens|hundreds) of (?:thousands|millions)|dozens|hundreds|thousands|millions|billions|"
    r"scores|a handful|a few dozen|several (?:hundred|thousand|million|dozen)"
)
#: The range of values a vague amount allows: (pattern, low, high), most specific first.
VAGUE_RANGES = (
    (r"hundreds of thousands", 1e5, 1e6),
    (r"tens of thousands", 1e4, 1e5),
    (r"\bthousands\b", 1e3, 1e4),
    (r"\bhundreds\b", 1e2, 1e3),
    (r"\bdozens\b", 24.0, 1e2),
    (r"\bmillions\b", 1e6, 1e9),
    (r"\bbillions\b", 1e9, 1e12),
)

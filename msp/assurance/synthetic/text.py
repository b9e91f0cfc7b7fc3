"""Words for synthetic records: invented surnames, an invented town, and short
stock sentences. Everything here is plainly made up, so nobody could mistake a
synthetic record for a real person."""

from msp.concerns.codes import AbuseType

GIVEN_NAMES_FEMALE = (
    "Ada", "Beryl", "Clara", "Doris", "Edna", "Freda", "Gwen", "Hilda", "Irene", "Joan",
    "Kath", "Lena", "Mabel", "Nora", "Olive", "Peggy", "Rita", "Sylvia", "Thea", "Una",
    "Vera", "Winnie", "Amira", "Bea", "Chloe", "Daisy", "Ella", "Fatima", "Grace", "Hana",
    "Isla", "Jade", "Kiran", "Leah", "Maya", "Nia", "Orla", "Priya", "Ruth", "Sana",
)  # fmt: skip
GIVEN_NAMES_MALE = (
    "Albert", "Bernard", "Cyril", "Dennis", "Ernest", "Frank", "Gordon", "Harold", "Ivor",
    "Jack", "Ken", "Leonard", "Maurice", "Norman", "Oswald", "Percy", "Ron", "Stanley",
    "Trevor", "Victor", "Walter", "Aaron", "Ben", "Callum", "Dev", "Eli", "Finn", "Gus",
    "Hamza", "Idris", "Jay", "Kofi", "Luca", "Milo", "Nathan", "Omar", "Pete", "Raj",
    "Sam", "Tom",
)  # fmt: skip
GIVEN_NAMES_ANY = ("Alex", "Charlie", "Jo", "Kit", "Robin", "Sasha")

# Surnames are made of two invented halves, such as "Quillwhistle".
SURNAME_STARTS = (
    "Ash", "Bramble", "Cobble", "Dapple", "Elder", "Fennel", "Gorse", "Hazel", "Inkle",
    "Juniper", "Kettle", "Lark", "Mallow", "Nettle", "Oddle", "Pepper", "Quill", "Rook",
    "Sorrel", "Thistle", "Umber", "Vetch", "Wimble", "Yarrow", "Zest",
)  # fmt: skip
SURNAME_ENDS = (
    "whistle", "pocket", "muddle", "trundle", "sprocket", "button", "wobble", "kettle",
    "fizz", "bucket", "noodle", "puddle", "tumble", "wick",
)  # fmt: skip

STREETS = (
    "Imaginary Lane", "Pretend Road", "Makebelieve Street", "Nowhere Close", "Invented Way",
    "Fable Row", "Figment Avenue", "Daydream Crescent",
)  # fmt: skip
TOWN = "Fictionton"
ADDRESS_NOTE = "Synthetic record"

COMMUNICATION_NEEDS = (
    "Needs a British Sign Language interpreter",
    "Easy read letters, please",
    "Speaks Polish; needs an interpreter",
    "Allow more time: finds long conversations tiring",
    "Hearing aid: face them and speak clearly",
)

WHAT_HAPPENED: dict[str, tuple[str, ...]] = {
    AbuseType.NEGLECT: (
        "Carers have missed several visits and she was found without food or medication.",
        "He has been left in wet bedding for long periods and has a pressure sore.",
    ),
    AbuseType.PHYSICAL: (
        "Bruising to both upper arms that nobody can explain.",
        "Said a family member pushed her and she fell against a door.",
    ),
    AbuseType.FINANCIAL: (
        "Regular cash withdrawals from his account that he says he did not make.",
        "A lodger has been using her bank card to pay his own bills.",
    ),
    AbuseType.PSYCHOLOGICAL: (
        "Is shouted at and threatened with being put in a home.",
        "Is kept from seeing friends and told nobody else would care for him.",
    ),
    AbuseType.SELF_NEGLECT: (
        "The home is cluttered so that she cannot reach the kitchen, and she refuses help.",
        "Has stopped eating properly and will not let anyone in.",
    ),
    AbuseType.DOMESTIC: (
        "Her partner controls all the money and stops her going out alone.",
        "Neighbours hear repeated arguments and saw him with a black eye.",
    ),
    AbuseType.ORGANISATIONAL: (
        "Residents are got up at 5am to suit the staff rota.",
        "Call bells are routinely left unanswered at night.",
    ),
    AbuseType.SEXUAL: ("Told a support worker that a visitor touched her without consent.",),
    AbuseType.DISCRIMINATORY: ("Staff mock his accent and refuse to meet his dietary needs.",),
    AbuseType.SEXUAL_EXPLOITATION: (
        "Older men give her alcohol and money in exchange for sexual favours.",
    ),
    AbuseType.MODERN_SLAVERY: ("Works long hours at a car wash for no pay and sleeps there.",),
}

IMMEDIATE_ACTIONS = (
    "",
    "",
    "GP informed and visit booked.",
    "Extra care visits arranged while we look into it.",
    "Bank card stopped with the person's agreement.",
)
PERSON_WISHES = (
    "",
    "Wants it to stop but does not want anyone in trouble.",
    "Wants to stay at home.",
    "Wants to feel safe.",
)
REFERRER_ROLES = ("District nurse", "Care worker", "GP", "Neighbour", "Police officer", "Daughter")

EVIDENCE_YES = (
    "Receives care at home for personal care.",
    "What was reported suggests abuse or neglect is happening or likely.",
    "Relies on others for daily care and could not stop this alone.",
)
EVIDENCE_NOT_NEEDS = "Is an unpaid carer with no care and support needs of their own."
EVIDENCE_NO_RISK = "Checks found no sign of abuse or neglect."
EVIDENCE_CAN_PROTECT = "Able to act to protect themselves and has chosen to."
RESPONSE_DETAILS = (
    "Gave information about local support and how to contact us again.",
    "Passed to the locality team for a review of care and support.",
)

DESIRED_OUTCOMES = (
    "I want to feel safe in my own home.",
    "I want my money to be my own again.",
    "I want to keep seeing my grandchildren.",
    "I want the carers to turn up on time.",
    "I want to stay living here.",
    "I do not want my son to get into trouble.",
    "I want to be treated with respect.",
    "I want to go out to the shops on my own.",
)
REPRESENTATIVE_RELATIONSHIPS = ("Daughter", "Son", "Niece", "Friend", "Independent advocate")
REVISION_REASON = "Talked it through again with the person at a review visit."
PERSON_VIEWS = ("", "Happy with how things went.", "Feels safer but still worried.")

CAPACITY_DECISION = "Whether to accept the safeguarding plan."
CAPACITY_SUPPORT = "Explained in short steps, with pictures, at a time of day that suits them."
CAPACITY_ABLE = "Understood, remembered and weighed the options, and told us their choice."
CAPACITY_UNABLE = "Could not keep the information in mind long enough to weigh it."
CAPACITY_IMPAIRMENT = "Has a diagnosis of dementia."

OPEN_DOOR = "Contact the adult social care front door again at any time, day or night."

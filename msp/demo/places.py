"""Fictional places in the fictional borough of Northmoor. "NM" is not a real
postcode area; phone numbers are from Ofcom's ranges kept for drama."""

STREETS = (
    "Mill Lane",
    "Weavers Row",
    "Hollins Road",
    "Cragside Terrace",
    "Chapel Street",
    "Bracken Close",
    "Tenter Fold",
    "Beckside Avenue",
    "Moor View",
    "Quarry Hill Road",
    "Sycamore Grove",
    "Canal Side",
    "Ridgeway Court",
    "Foundry Street",
    "Kiln Walk",
    "Heather Bank",
)

# Postcode inward letters never use C, I, K, M, O or V.
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# Where some people live instead of a home of their own.
CARE_SETTINGS = {
    "larchfield": ("Larchfield House Care Home\n2 Larch Avenue\nNorthmoor", "NM3 4LH"),
    "calder_edge": ("Calder Edge Nursing Home\n41 Calder Road\nNorthmoor", "NM5 2CE"),
    "ashgrove": ("Ashgrove Community Hospital\nAshgrove Lane\nNorthmoor", "NM2 7AG"),
    "heatherbank": ("Heatherbank Unit, Northmoor General Hospital\nNorthmoor", "NM1 9HB"),
    "wren_court": ("Flat 6, Wren Court (supported living)\nWren Street\nNorthmoor", "NM4 3WC"),
}

LANDLINE_PREFIX = "01632 960"  # 01632 960000 to 960999
MOBILE_PREFIX = "07700 900"  # 07700 900000 to 900999

"""Places for the demo office NAV Drammen: streets in Drammen municipality and meeting rooms.

Street names and postcodes are real places in Drammen (including Mjøndalen and Svelvik); house
numbers are drawn at random, so no address belongs to a real person.
"""

from __future__ import annotations

OFFICE_NAME = "NAV Drammen"
OFFICE_UNIT_NUMBER = "0602"
MUNICIPALITY_NUMBER = "3301"
MUNICIPALITY_NAME = "Drammen"
OFFICE_ADDRESS = "Bragernes torg 10"

# (street, postcode, postal town)
STREETS = (
    ("Tordenskiolds gate", "3044", "Drammen"),
    ("Knoffs gate", "3044", "Drammen"),
    ("Dr. Hansteins gate", "3044", "Drammen"),
    ("Svangsgangen", "3044", "Drammen"),
    ("Nedre Storgate", "3015", "Drammen"),
    ("Engene", "3015", "Drammen"),
    ("Konnerudgata", "3045", "Drammen"),
    ("Danvikgata", "3045", "Drammen"),
    ("Griffenfeldts gate", "3045", "Drammen"),
    ("Grønland", "3045", "Drammen"),
    ("Schwartz gate", "3043", "Drammen"),
    ("Buskerudveien", "3024", "Drammen"),
    ("Lauritz Grønlands vei", "3035", "Drammen"),
    ("Kobbervikdalen", "3036", "Drammen"),
    ("Jonas Lies vei", "3022", "Drammen"),
    ("Hans Hansens vei", "3022", "Drammen"),
    ("Drammensveien", "3050", "Mjøndalen"),
    ("Lundveien", "3050", "Mjøndalen"),
    ("Arbeidergata", "3050", "Mjøndalen"),
    ("Storgata", "3060", "Svelvik"),
)

OFFICE_ROOMS = (
    f"{OFFICE_NAME}, {OFFICE_ADDRESS}",
    f"{OFFICE_NAME}, samtalerom 1",
    f"{OFFICE_NAME}, samtalerom 3",
    "Drammensbiblioteket, Grønland 32",
)
VIDEO_PLACE = "Video (lenke sendt på SMS)"
PHONE_PLACE = "Veilederen ringer deltakeren"

# Where participants who move away go.
OTHER_MUNICIPALITIES = ("Oslo", "Bergen", "Kongsberg", "Asker", "Bærum", "Lier", "Holmestrand", "Tønsberg")

"""The dated rates known when KVP was built (S7, S8, S9, S10). They seed the rate tables that
administrators extend; rules read the tables, never this module directly."""

from __future__ import annotations

import datetime
from decimal import Decimal

from kvp.rules.benefit import Dated, RateTable

D = datetime.date

BASE_AMOUNTS = (  # grunnbeløpet (G) from 1 May (S10; 2026 [U]: a single unofficial source)
    Dated(D(2019, 5, 1), Decimal(99858)),
    Dated(D(2020, 5, 1), Decimal(101351)),
    Dated(D(2021, 5, 1), Decimal(106399)),
    Dated(D(2022, 5, 1), Decimal(111477)),
    Dated(D(2023, 5, 1), Decimal(118620)),
    Dated(D(2024, 5, 1), Decimal(124028)),
    Dated(D(2025, 5, 1), Decimal(130160)),
    Dated(D(2026, 5, 1), Decimal(136549)),
)
FACTORS = (  # the yearly full rate in G: 2 G, and 2.041 G from 1 July 2024 (S7, S2)
    Dated(D(2019, 1, 1), Decimal(2)),
    Dated(D(2024, 7, 1), Decimal("2.041")),
)
CHILD_SUPPLEMENTS = (  # kroner per child per weekday (S4, S8; dates from NAV's AAP timeline S9, [U] for KVP)
    Dated(D(2019, 1, 1), Decimal(27)),
    Dated(D(2023, 1, 1), Decimal(35)),
    Dated(D(2024, 1, 1), Decimal(36)),
    Dated(D(2025, 1, 1), Decimal(37)),
    Dated(D(2026, 1, 1), Decimal(38)),
)

KNOWN_RATES = RateTable(base_amounts=BASE_AMOUNTS, factors=FACTORS, child_supplements=CHILD_SUPPLEMENTS)

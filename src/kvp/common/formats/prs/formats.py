"""Dari date and number formats (Unicode CLDR, locale fa_AF): year/month/day, the Arabic decimal and thousands
separators. Dates stay in the Gregorian calendar NAV's letters use."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "Y/n/j"
SHORT_DATETIME_FORMAT = "Y/n/j H:i"
FIRST_DAY_OF_WEEK = 6
DATE_INPUT_FORMATS = ["%Y/%m/%d", "%d.%m.%Y", "%Y-%m-%d"]
DECIMAL_SEPARATOR = "\u066b"
THOUSAND_SEPARATOR = "\u066c"
NUMBER_GROUPING = 3

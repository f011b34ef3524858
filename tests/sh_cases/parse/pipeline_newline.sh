echo abc |
tr a A

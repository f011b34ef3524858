echo abc | tr a-z A-Z | sed 's/B/-/'

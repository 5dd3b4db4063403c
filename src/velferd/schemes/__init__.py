"""Labour market schemes: the catalogue of scheme types, the suppliers, the agreements NAV
makes with them and the deliveries (runs of a scheme) caseworkers enrol people in."""

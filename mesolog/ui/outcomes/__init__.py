"""The Outcomes tab: measurements, grades and photos."""

"""Clinic-wide windows: due and overdue, open side effects, products and lots,
accounts, preferences.
"""

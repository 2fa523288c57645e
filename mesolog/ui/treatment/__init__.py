"""The Treatment tab: courses, consent, sessions and their editor, products and lots
(the barcode field), side effects.
"""

"""Finding and keeping patients: the patient list and its model, the chart form, its
history, the welcome pages.
"""

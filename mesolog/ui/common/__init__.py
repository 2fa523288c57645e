"""What every part of the window uses: field messages, the form dialog, the row table
model, long work off the window's thread, change notices, the error home, settings,
styles.
"""
